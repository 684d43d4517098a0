import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link to one of the shop's own pages, without Next's prefetch. Every page here renders per request (the banner
 * reads the cart; checkout, its return page and the back office read the session or the database), so a prefetch
 * gets the click little it can keep, and costs the server a render for every link on screen at every page view:
 * the home page's five links made ten prefetch requests, 65-70 ms of server CPU a view against 80 ms for the page
 * itself. During a sale that is the shop's server doing twice the work for each browsing buyer. The page is
 * fetched when the link is followed. (lib/layers.test.ts keeps `next/link` to this file.)
 */
export function PageLink(props: ComponentProps<typeof Link>) {
  return <Link prefetch={false} {...props} />;
}
