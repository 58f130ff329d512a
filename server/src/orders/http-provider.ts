/**
 * The HTTP order-provider contract (docs/order-provider.openapi.yaml): any merchant backend
 * implements four signed endpoints and Counter calls them with a timeout. Every answer is
 * validated against the contract's schema; a shape error names the field, so the merchant
 * can fix their side.
 */
import type { Customer, Order, OrderSummary } from '@counter/shared';
import { orders as s, type z } from '@counter/shared/schemas';
import type { CustomerQuery, OrderProvider, ProviderResult } from '../domain/orders/provider.js';
import { signRequest } from './signature.js';

export interface HttpProviderOptions {
  /** Base URL, e.g. https://shop.example.com/counter-orders (no trailing slash needed). */
  url: string;
  secret: string;
  timeoutMs: number;
  now?: () => number;
}

/** Why an answer was refused, in one line: "orders.0.total: Invalid input: expected int". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

export class HttpOrderProvider implements OrderProvider {
  private readonly base: URL;
  private readonly now: () => number;

  constructor(private readonly options: HttpProviderOptions) {
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    this.now = options.now ?? Date.now;
  }

  async findCustomer(query: CustomerQuery): Promise<ProviderResult<Customer>> {
    const body = 'customerId' in query ? { id: query.customerId } : { email: query.email };
    const result = await this.call('POST', 'customers/find', s.customerAnswer, body);
    return result.kind === 'ok' ? nullable(result, result.value.customer) : result;
  }

  async listOrders(customerId: string, limit: number): Promise<ProviderResult<OrderSummary[]>> {
    const path = `customers/${encodeURIComponent(customerId)}/orders?limit=${limit}`;
    const result = await this.call('GET', path, s.orderListAnswer);
    return result.kind === 'ok' ? { ...result, value: result.value.orders } : result;
  }

  async getOrder(orderId: string): Promise<ProviderResult<Order>> {
    const result = await this.call('GET', `orders/${encodeURIComponent(orderId)}`, s.orderAnswer);
    return result.kind === 'ok' ? nullable(result, result.value.order) : result;
  }

  async verifyGuest(orderNumber: string, email: string): Promise<ProviderResult<Order>> {
    // POST, so the email stays out of URLs and access logs.
    const result = await this.call('POST', 'orders/verify-guest', s.orderAnswer, { number: orderNumber, email });
    return result.kind === 'ok' ? nullable(result, result.value.order) : result;
  }

  private async call<T extends z.ZodType>(
    method: 'GET' | 'POST',
    relative: string,
    schema: T,
    payload?: unknown,
  ): Promise<ProviderResult<z.output<T>>> {
    const url = new URL(relative, this.base);
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const headers = {
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...signRequest(this.options.secret, { method, path: url.pathname + url.search, body }, this.now()),
    };
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(body ? { body } : {}),
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
      return {
        kind: 'unreachable',
        reason: timedOut ? `no answer within ${this.options.timeoutMs} ms` : `connection failed: ${causeOf(err)}`,
      };
    }
    try {
      if (response.status === 404) return { kind: 'not_found' };
      if (response.status >= 500) return { kind: 'unreachable', reason: `the shop answered ${response.status}` };
      if (response.status === 401 || response.status === 403) {
        return { kind: 'unreachable', reason: `the shop refused our signature (${response.status}): check the shared secret` };
      }
      if (response.status !== 200) return { kind: 'invalid_answer', reason: `unexpected status ${response.status}` };
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { kind: 'invalid_answer', reason: 'the answer is not JSON' };
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) return { kind: 'invalid_answer', reason: `the answer breaks the contract: ${describeIssues(parsed.error)}` };
      return { kind: 'ok', value: parsed.data, fetchedAt: this.now() };
    } catch (err) {
      // The body stopped arriving (timeout mid-body, connection reset).
      return { kind: 'unreachable', reason: `the answer was cut off: ${causeOf(err)}` };
    }
  }
}

function nullable<T>(result: { fetchedAt: number }, value: T | null): ProviderResult<T> {
  return value === null ? { kind: 'not_found' } : { kind: 'ok', value, fetchedAt: result.fetchedAt };
}

function causeOf(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return cause instanceof Error ? (('code' in cause && typeof cause.code === 'string' ? cause.code : cause.message) as string) : String(cause);
}
