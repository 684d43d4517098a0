import { PlanHero } from '@/components/catalog/plan-hero';
import { ProductCard } from '@/components/catalog/product-card';
import { PLAN, PRODUCTS } from '@/lib/catalog';

export default function HomePage() {
  return (
    <>
      <PlanHero plan={PLAN} />
      <section aria-labelledby="shop-heading">
        <h2 id="shop-heading">From the roastery</h2>
        <div className="grid">
          {PRODUCTS.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </div>
      </section>
    </>
  );
}
