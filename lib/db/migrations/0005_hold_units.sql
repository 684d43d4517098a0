-- Sets one reservation's holds to the given absolute quantities, or changes nothing and names the first product
-- that is short. One statement for the caller, so placing a hold is one database round trip and never a
-- transaction held open by the app.
--
-- Race-free with many connections: the products' inventory rows are locked first (in id order, so two carts
-- cannot deadlock), and only then are the others' holds counted. In READ COMMITTED each statement of a
-- VOLATILE PL/pgSQL function takes a fresh snapshot, so the count sees every hold committed before the lock
-- was granted. A line is checked only where it asks for more than the reservation already holds: keeping
-- what it has never fails, even if the owner lowered the stock meanwhile.
CREATE OR REPLACE FUNCTION hold_units(p_reservation text, p_session text, p_lines jsonb, p_expires timestamptz, p_now timestamptz)
RETURNS TABLE (short_product text, short_available integer)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM 1 FROM inventory i
    WHERE i.product_id IN (SELECT w.product_id FROM jsonb_to_recordset(p_lines) AS w(product_id text, quantity integer))
    ORDER BY i.product_id FOR UPDATE;

  RETURN QUERY
    SELECT w.product_id, greatest(0, coalesce(i.stock, 0) - coalesce(others.held, 0))::integer
    FROM jsonb_to_recordset(p_lines) AS w(product_id text, quantity integer)
    LEFT JOIN inventory i ON i.product_id = w.product_id
    LEFT JOIN holds own ON own.reservation_id = p_reservation AND own.product_id = w.product_id
    LEFT JOIN LATERAL (
      SELECT sum(h.quantity) AS held FROM holds h
      WHERE h.product_id = w.product_id AND h.reservation_id <> p_reservation AND h.expires_at > p_now
    ) others ON true
    WHERE w.quantity > coalesce(own.quantity, 0)
      AND w.quantity > coalesce(i.stock, 0) - coalesce(others.held, 0)
    ORDER BY w.product_id
    LIMIT 1;
  IF FOUND THEN
    RETURN;
  END IF;

  DELETE FROM holds h
    WHERE h.reservation_id = p_reservation
      AND h.product_id NOT IN (SELECT w.product_id FROM jsonb_to_recordset(p_lines) AS w(product_id text, quantity integer) WHERE w.quantity > 0);
  INSERT INTO holds (reservation_id, session_id, product_id, quantity, expires_at)
    SELECT p_reservation, p_session, w.product_id, w.quantity, p_expires
    FROM jsonb_to_recordset(p_lines) AS w(product_id text, quantity integer)
    WHERE w.quantity > 0
    ON CONFLICT (reservation_id, product_id) DO UPDATE
      SET quantity = excluded.quantity, session_id = coalesce(excluded.session_id, holds.session_id), expires_at = excluded.expires_at;
END
$$;
