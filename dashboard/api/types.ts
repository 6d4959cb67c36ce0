// The API's answers as the dashboard sees them, inferred from the Worker's routes (no copies).
import type { InferResponseType } from 'hono/client';
import type { client } from './client.ts';

export type SummaryResponse = InferResponseType<typeof client.api.summary.$get, 200>;
export type ListResponse = InferResponseType<typeof client.api.recommendations.$get, 200>;
export type DetailResponse = InferResponseType<
  (typeof client.api.recommendations)[':id']['$get'],
  200
>;
export type HistoryResponse = InferResponseType<typeof client.api.history.$get, 200>;
export type Finding = SummaryResponse['findings'][number];
export type ListItem = ListResponse['items'][number];
export type MeResponse = InferResponseType<typeof client.api.me.$get, 200>;
export type SyncStatusResponse = InferResponseType<typeof client.api.sync.$get, 200>;
export type LinksResponse = InferResponseType<typeof client.api.admin.links.$get, 200>;
export type ShareLinkView = LinksResponse['links'][number];
export type DigestResponse = InferResponseType<typeof client.api.digest.$get, 200>;
