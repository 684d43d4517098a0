import { SiteHeader } from '@/components/shop/site-header';

// Every shop page: the banner with the cart's count (read per request, so these pages render dynamically).
export default function ShopLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main>{children}</main>
    </>
  );
}
