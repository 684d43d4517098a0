import type { Metadata } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Ember & Oak Coffee', template: '%s · Ember & Oak Coffee' },
  description: 'Small-batch coffee, a monthly coffee club, and the gear to brew it.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <div>
            <Link href="/">Ember &amp; Oak Coffee</Link>
            <span>Roasted weekly, shipped fresh</span>
          </div>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
