import { formatDateTime } from '@/components/admin/format';
import type { AdminStockRow } from '@/lib/actions/admin-views';
import { keepUnitsTogether } from '@/lib/format';

const units = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;

/** Each product: on the shelf, held by open checkouts (until when), available to new buyers, and a form to change it. */
export function StockTable({ rows }: { rows: AdminStockRow[] }) {
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">Product</th>
          <th scope="col" className="num">
            In stock
          </th>
          <th scope="col">Held by open checkouts</th>
          <th scope="col" className="num">
            Available
          </th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.productId}>
            <th scope="row">{keepUnitsTogether(row.name)}</th>
            <td data-label="In stock" className="num">
              {row.stock}
            </td>
            <td data-label="Held by open checkouts">
              {row.holds.length === 0 ? (
                'None'
              ) : (
                <ul>
                  {row.holds.map((hold, index) => (
                    <li key={index}>
                      {units(hold.quantity)} until {formatDateTime(hold.expiresAt)}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td data-label="Available" className="num">
              {row.available}
            </td>
            <td className="wide">
              <form method="post" action="/api/admin/stock" className="admin-form">
                <input type="hidden" name="product_id" value={row.productId} />
                <label>
                  <span>
                    Change<span className="visually-hidden"> for {row.name}</span>
                  </span>
                  <select name="change" defaultValue="add">
                    <option value="add">Add a delivery of</option>
                    <option value="set">Set stock to</option>
                  </select>
                </label>
                <label>
                  <span>
                    Units<span className="visually-hidden"> of {row.name}</span>
                  </span>
                  <input type="number" name="units" min={0} max={100000} required defaultValue={0} />
                </label>
                <button type="submit" className="button" aria-label={`Save stock of ${row.name}`}>
                  Save
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
