import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { isWritten } from '../positions.js';
import { mappingLabel, report, type RuleContext } from './context.js';

/**
 * A reseller (`google.directory: customers`) names, per mapping, whose directory it reads; with
 * `own` there is one directory (`google.customer`) and a per-mapping customer would be ignored.
 */
export function mappingCustomer(context: RuleContext): Diagnostic[] {
  const { google, mappings } = context.config;
  const out: Diagnostic[] = [];
  mappings.forEach((mapping, index) => {
    if (google.directory === 'customers' && mapping.customer === undefined) {
      out.push(
        report(context, {
          code: 'mapping-customer-missing',
          pointer: `/mappings/${index}`,
          message: `${mappingLabel(mapping)} needs a customer: with google.directory: customers every mapping names the Google customer id whose directory it reads (my_customer for your own)`,
        }),
      );
    }
    if (google.directory === 'own' && mapping.customer !== undefined) {
      out.push(
        report(context, {
          code: 'mapping-customer-refused',
          pointer: `/mappings/${index}/customer`,
          at: 'key',
          message: `${mappingLabel(mapping)} names customer '${mapping.customer}', but google.directory is own: remove customer here, or set google.directory: customers to read your customers' directories`,
        }),
      );
    }
  });
  if (google.directory === 'customers' && isWritten(context, '/google/customer')) {
    out.push(
      report(context, {
        severity: 'warning',
        code: 'google-customer-unused',
        pointer: '/google/customer',
        at: 'key',
        message: 'google.customer is not used when google.directory is customers (each mapping names its customer): remove it',
      }),
    );
  }
  return out;
}
