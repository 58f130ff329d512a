/**
 * The HTTP order-provider contract (docs/order-provider.openapi.yaml): any merchant backend
 * implements four signed endpoints and Counter calls them with a timeout. Every answer is
 * validated against the contract's schema; a shape error names the field, so the merchant
 * can fix their side.
 */
import type { Customer, Order, OrderActionOutcome, OrderActionRequest, OrderSummary } from '@counter/shared';
import { orders as s, type z } from '@counter/shared/schemas';
import type { CustomerQuery, OrderProvider, ProviderResult } from '../domain/orders/provider.js';
import { fetchJson } from './provider-fetch.js';
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

  /** Signed like every call; the shop keeps the key and answers a repeat with the first outcome. */
  act(request: OrderActionRequest): Promise<ProviderResult<OrderActionOutcome>> {
    return this.call('POST', 'actions', s.orderActionOutcome, request);
  }

  async getAction(idempotencyKey: string): Promise<ProviderResult<OrderActionOutcome>> {
    const result = await this.call('GET', `actions/${encodeURIComponent(idempotencyKey)}`, s.actionLookupAnswer);
    return result.kind === 'ok' ? nullable(result, result.value.outcome) : result;
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
    const answer = await fetchJson(url, { method, headers, ...(body ? { body } : {}) }, this.options.timeoutMs, this.now);
    if (answer.kind !== 'ok') return answer;
    const parsed = schema.safeParse(answer.value);
    if (!parsed.success) return { kind: 'invalid_answer', reason: `the answer breaks the contract: ${describeIssues(parsed.error)}` };
    return { kind: 'ok', value: parsed.data, fetchedAt: answer.fetchedAt };
  }
}

function nullable<T>(result: { fetchedAt: number }, value: T | null): ProviderResult<T> {
  return value === null ? { kind: 'not_found' } : { kind: 'ok', value, fetchedAt: result.fetchedAt };
}
