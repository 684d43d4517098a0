// The subset of Stripe's REST Checkout Session that the local Stripe's client endpoints
// (`/v1/payment_pages/{id}`) return and this Stripe.js reads. Loosely typed on purpose: the
// browser must tolerate fields the server adds later, and ids that may or may not be expanded.
export type ServerPrice = {
  id: string;
  unit_amount: number | null;
  unit_amount_decimal?: string | null;
  recurring?: { interval: 'day' | 'week' | 'month' | 'year'; interval_count: number; usage_type?: string } | null;
  product?: string | { id: string; name?: string; images?: string[]; unit_label?: string | null } | null;
};

export type ServerLineItem = {
  id: string;
  description?: string | null;
  quantity: number | null;
  amount_subtotal: number;
  amount_total: number;
  amount_tax?: number;
  amount_discount?: number;
  price: ServerPrice | null;
  taxes?: ServerLineTax[];
  adjustable_quantity?: { enabled: boolean; minimum?: number | null; maximum?: number | null } | null;
};

export type ServerTaxRate = {
  id: string;
  display_name?: string | null;
  percentage?: number | null;
  inclusive?: boolean;
};
export type ServerLineTax = { amount: number; rate: string | ServerTaxRate };

export type ServerCoupon = {
  id: string;
  name?: string | null;
  percent_off?: number | null;
  amount_off?: number | null;
  duration?: string;
  duration_in_months?: number | null;
};
export type ServerDiscount = {
  coupon: string | ServerCoupon;
  promotion_code?: string | { id: string; code: string } | null;
};

export type ServerShippingRate = {
  id: string;
  display_name?: string | null;
  fixed_amount?: { amount: number; currency: string } | null;
  delivery_estimate?: {
    minimum?: { unit: string; value: number } | null;
    maximum?: { unit: string; value: number } | null;
  } | null;
};

export type ServerAddress = {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  state?: string | null;
  postal_code?: string | null;
  country?: string | null;
};

export type ServerSession = {
  id: string;
  status: 'open' | 'complete' | 'expired' | null;
  payment_status?: 'paid' | 'unpaid' | 'no_payment_required';
  mode?: string;
  currency: string | null;
  livemode?: boolean;
  amount_subtotal: number | null;
  amount_total: number | null;
  total_details?: {
    amount_shipping?: number | null;
    amount_tax?: number | null;
    amount_discount?: number | null;
  } | null;
  shipping_cost?: {
    amount_total?: number;
    amount_tax?: number;
    shipping_rate?: string | ServerShippingRate | null;
  } | null;
  shipping_options?: Array<{ shipping_amount?: number; shipping_rate: string | ServerShippingRate }>;
  line_items?: { data: ServerLineItem[] } | null;
  customer_email?: string | null;
  customer_details?: {
    email?: string | null;
    phone?: string | null;
    address?: ServerAddress | null;
    name?: string | null;
  } | null;
  collected_information?: {
    shipping_details?: { name?: string | null; address?: ServerAddress | null } | null;
    business_name?: string | null;
    individual_name?: string | null;
  } | null;
  discounts?: ServerDiscount[] | null;
  // The local Stripe's client view adds the trial a subscription session gives.
  subscription_data?: { trial_end: number; trial_period_days: number } | null;
  shipping_address_collection?: { allowed_countries?: string[] } | null;
  permissions?: { update_shipping_details?: string | null; update_line_items?: string | null } | null;
  return_url?: string | null;
  ui_mode?: string | null;
};
