import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Ember & Oak Coffee', template: '%s · Ember & Oak Coffee' },
  description: 'Small-batch coffee, a monthly coffee club, and the gear to brew it.',
};

// The document only: the shop's pages get their banner and cart from app/(shop)/layout.tsx, the back office
// (app/admin) its own frame, so an owner's page shows no buyer's cart.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
