// A local HTTP server that honours the published contracts of Google's token endpoint, Drive v3
// files.get and Sheets v4 (values.get/update/batchUpdate/clear, spreadsheets.get/batchUpdate), for
// tests that must not reach Google. It verifies each JWT assertion's RS256 signature with the
// service account's public key, and lets a service account write only with the read-write scope
// and only to a sheet shared with it as an editor.
import { createPublicKey, createVerify, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { applyBatchUpdate, BadRequest } from './batch-update.ts';
import { applyFieldMask, parseFieldMask, selects } from './fields.ts';
import {
  type Failure,
  type FailureTarget,
  type FakeSpreadsheet,
  GoogleState,
  quoteTab,
  readRange,
} from './model.ts';
import { spreadsheetResource } from './resource.ts';
import { clearValues, VALUE_INPUT_OPTIONS, ValueRangeBody, writeValues } from './values.ts';

export interface FakeGoogle {
  url: string;
  state: GoogleState;
  close(): Promise<void>;
}

const SCOPE_READ_SHEETS = /\/auth\/spreadsheets(\.readonly)?\b/;
/** Writing needs the read-write scope itself; `spreadsheets.readonly` is not enough. */
const SCOPE_WRITE_SHEETS = /\/auth\/spreadsheets$/;
const SCOPE_DRIVE_METADATA = /\/auth\/drive(\.metadata(\.readonly)?|\.readonly|\.file)?\b/;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Google's JSON error envelope (Sheets v4 flavour; Drive adds an `errors` array). */
function googleError(
  code: number,
  status: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return { error: { code, message, status, ...extra } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function verifyAssertion(
  state: GoogleState,
  assertion: string,
  audience: string,
): { email: string; scopes: string[] } | string {
  const parts = assertion.split('.');
  if (parts.length !== 3) return 'Invalid JWT: malformed';
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: string };
  let claims: { iss?: string; scope?: string; aud?: string; iat?: number; exp?: number };
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return 'Invalid JWT: not JSON';
  }
  if (header.alg !== 'RS256') return 'Invalid JWT: alg must be RS256';
  const publicKey = claims.iss ? state.accounts.get(claims.iss) : undefined;
  if (!publicKey) return 'Invalid grant: account not found';
  const verified = createVerify('RSA-SHA256')
    .update(`${h}.${p}`)
    .verify(createPublicKey(publicKey), Buffer.from(s, 'base64url'));
  if (!verified) return 'Invalid JWT Signature.';
  const now = Math.floor(Date.now() / 1000);
  if (claims.aud !== audience) return `Invalid JWT: audience must be ${audience}`;
  if (
    typeof claims.iat !== 'number' ||
    typeof claims.exp !== 'number' ||
    claims.exp - claims.iat > 3600 ||
    claims.exp < now ||
    claims.iat > now + 300
  ) {
    return 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.';
  }
  if (!claims.scope) return 'Invalid JWT: scope missing';
  return { email: claims.iss!, scopes: claims.scope.split(' ') };
}

/** Answers a queued failure; returns true when it did. */
function fail(res: ServerResponse, failure: Failure | null): boolean {
  if (!failure) return false;
  if (failure.mode === 'hang') return true; // never answers; the client's timeout must fire
  if (failure.mode === 'reset') {
    res.socket?.destroy();
    return true;
  }
  if (failure.mode === 'malformed') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"range": "Sheet1!A1:Z10", "values": [[');
    return true;
  }
  const status = failure.status ?? 500;
  send(
    res,
    status,
    failure.body ?? googleError(status, 'INTERNAL', 'Internal error encountered.'),
    failure.headers,
  );
  return true;
}

export async function startFakeGoogle(port = 0): Promise<FakeGoogle> {
  const state = new GoogleState();
  let accessKeys: unknown[] = [];
  let base = '';

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const path = decodeURIComponent(url.pathname);
    const text = req.method === 'GET' ? '' : await readBody(req);
    const auth = req.headers.authorization ?? null;
    const record = (key: string | null, body: unknown = text) =>
      state.requests.push({
        at: new Date().toISOString(),
        method: req.method ?? 'GET',
        path,
        query: Object.fromEntries(url.searchParams),
        authorization: auth,
        body,
        key,
      });

    try {
      // --- Control endpoints, for tests.
      if (path.startsWith('/__fake/')) {
        const body = text ? JSON.parse(text) : {};
        if (path === '/__fake/accounts' && req.method === 'POST') {
          state.accounts.set(body.email, body.publicKeyPem);
          return send(res, 204, '');
        }
        const sheet = /^\/__fake\/spreadsheets\/([^/]+)$/.exec(path);
        if (sheet && req.method === 'PUT')
          return send(res, 200, state.upsertSpreadsheet({ ...body, id: sheet[1] }));
        if (sheet && req.method === 'GET')
          return send(res, 200, state.spreadsheets.get(sheet[1]!) ?? null);
        // Cloudflare Access's certs for the Worker's sign-in tests live on this server too.
        if (path === '/__fake/access-certs' && req.method === 'PUT') {
          accessKeys = body.keys ?? [];
          return send(res, 204, '');
        }
        if (path === '/__fake/failures' && req.method === 'POST') {
          state.failures.push({ mode: 'status', times: 1, ...body });
          return send(res, 204, '');
        }
        if (path === '/__fake/requests') {
          const key = url.searchParams.get('key');
          return send(
            res,
            200,
            state.requests.filter((r) => key === null || r.key === key),
          );
        }
        return send(res, 404, { error: 'no such control endpoint' });
      }

      // --- Cloudflare Access: the team's public keys, as /cdn-cgi/access/certs publishes them.
      if (path === '/cdn-cgi/access/certs' && req.method === 'GET') {
        return send(res, 200, { keys: accessKeys, public_cert: {}, public_certs: [] });
      }

      // --- OAuth 2.0 token endpoint (JWT bearer grant).
      if (path === '/token' && req.method === 'POST') {
        const form = new URLSearchParams(text);
        const assertion = form.get('assertion') ?? '';
        let email: string | null = null;
        try {
          email =
            JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8'))
              .iss ?? null;
        } catch {
          email = null;
        }
        record(email, Object.fromEntries(form));
        if (fail(res, state.takeFailure('token', email))) return;
        if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
          return send(res, 400, {
            error: 'unsupported_grant_type',
            error_description: 'Invalid grant_type',
          });
        }
        const verified = verifyAssertion(state, assertion, `${base}/token`);
        if (typeof verified === 'string')
          return send(res, 400, { error: 'invalid_grant', error_description: verified });
        const token = `ya29.fake-${randomBytes(12).toString('hex')}`;
        state.tokens.set(token, { ...verified, expiresAt: Date.now() + 3599_000 });
        return send(res, 200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });
      }

      const bearer = auth?.startsWith('Bearer ') ? state.tokens.get(auth.slice(7)) : undefined;
      const unauthenticated = () =>
        send(
          res,
          401,
          googleError(
            401,
            'UNAUTHENTICATED',
            'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
          ),
        );

      // --- Drive v3 files.get.
      const drive = /^\/drive\/v3\/files\/([^/]+)$/.exec(path);
      if (drive && req.method === 'GET') {
        const id = drive[1]!;
        record(id);
        if (fail(res, state.takeFailure('drive', id))) return;
        if (!bearer || bearer.expiresAt < Date.now()) return unauthenticated();
        if (!bearer.scopes.some((s) => SCOPE_DRIVE_METADATA.test(s))) {
          return send(res, 403, {
            error: {
              code: 403,
              message: 'Insufficient Permission',
              errors: [
                {
                  domain: 'global',
                  reason: 'insufficientPermissions',
                  message: 'Insufficient Permission',
                },
              ],
            },
          });
        }
        const file = state.spreadsheets.get(id);
        // Drive answers 404 for a file that exists but is not shared with the caller.
        if (!file?.sharedWith.includes(bearer.email)) {
          const message = `File not found: ${id}.`;
          return send(res, 404, {
            error: {
              code: 404,
              message,
              errors: [
                {
                  domain: 'global',
                  reason: 'notFound',
                  message,
                  locationType: 'parameter',
                  location: 'fileId',
                },
              ],
            },
          });
        }
        const fields = (url.searchParams.get('fields') ?? 'kind,id,name,mimeType').split(',');
        const all: Record<string, unknown> = {
          kind: 'drive#file',
          id,
          name: file.title,
          mimeType: 'application/vnd.google-apps.spreadsheet',
          version: String(file.version),
          modifiedTime: file.modifiedTime,
        };
        return send(
          res,
          200,
          Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]])),
        );
      }

      /**
       * The checks every Sheets call passes in Google's order: a live token, a scope that allows
       * the access, a file that exists, shared with the caller (as an editor, to write). Answers
       * the error and returns null when one fails.
       */
      const sheetsAccess = (id: string, access: 'read' | 'write'): FakeSpreadsheet | null => {
        if (!bearer || bearer.expiresAt < Date.now()) {
          unauthenticated();
          return null;
        }
        const scope = access === 'read' ? SCOPE_READ_SHEETS : SCOPE_WRITE_SHEETS;
        if (!bearer.scopes.some((s) => scope.test(s))) {
          send(
            res,
            403,
            googleError(
              403,
              'PERMISSION_DENIED',
              'Request had insufficient authentication scopes.',
            ),
          );
          return null;
        }
        const file = state.spreadsheets.get(id);
        if (!file) {
          send(res, 404, googleError(404, 'NOT_FOUND', 'Requested entity was not found.'));
          return null;
        }
        if (
          !file.sharedWith.includes(bearer.email) ||
          (access === 'write' && file.viewers.includes(bearer.email))
        ) {
          send(
            res,
            403,
            googleError(403, 'PERMISSION_DENIED', 'The caller does not have permission'),
          );
          return null;
        }
        return file;
      };
      const badRequest = (message: string) =>
        send(res, 400, googleError(400, 'INVALID_ARGUMENT', message));

      // --- Sheets v4 reads.
      const sheets = /^\/v4\/spreadsheets\/([^/]+?)(\/values\/(.+))?$/.exec(path);
      if (sheets && req.method === 'GET') {
        const id = sheets[1]!;
        const range = sheets[3];
        record(id);
        if (fail(res, state.takeFailure(range === undefined ? 'meta' : 'values', id))) return;
        const file = sheetsAccess(id, 'read');
        if (!file) return;
        if (range === undefined) {
          const fields = url.searchParams.get('fields');
          let mask: ReturnType<typeof parseFieldMask> | null = null;
          try {
            mask = fields ? parseFieldMask(fields) : null;
          } catch (error) {
            return badRequest((error as Error).message);
          }
          // A field mask that reaches into the grid asks for it; includeGridData is then ignored.
          const withData = mask
            ? selects(mask, 'sheets.data')
            : url.searchParams.get('includeGridData') === 'true';
          let resource: unknown;
          try {
            resource = spreadsheetResource(file, {
              ranges: url.searchParams.getAll('ranges'),
              withData,
            });
          } catch (error) {
            return badRequest((error as Error).message);
          }
          return send(res, 200, applyFieldMask(resource, mask));
        }
        const read = readRange(file, range);
        if (!read) return badRequest(`Unable to parse range: ${range}`);
        return send(res, 200, {
          range: read.range,
          majorDimension: 'ROWS',
          ...(read.values.length ? { values: read.values } : {}),
        });
      }

      // --- Sheets v4 writes: spreadsheets.batchUpdate, values.update/batchUpdate/clear.
      const write =
        /^\/v4\/spreadsheets\/([^/:]+)(?:(:batchUpdate)|\/values(:batchUpdate)|\/values\/(.+?)(:clear)?)$/.exec(
          path,
        );
      if (write && (req.method === 'POST' || req.method === 'PUT')) {
        const [, id = '', batchUpdate, valuesBatchUpdate, range, clear] = write;
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          record(id);
          return badRequest('Invalid JSON payload received.');
        }
        record(id, body);
        const expected = range !== undefined && !clear ? 'PUT' : 'POST';
        if (req.method !== expected)
          return send(
            res,
            404,
            googleError(404, 'NOT_FOUND', `The fake has no endpoint ${req.method} ${path}`),
          );
        if (fail(res, state.takeFailure('write', id))) return;
        const file = sheetsAccess(id, 'write');
        if (!file) return;
        const inputOption = (option: unknown) => {
          if (option === undefined || option === null)
            throw new BadRequest("'valueInputOption' is required but not specified");
          if (!VALUE_INPUT_OPTIONS.includes(option as (typeof VALUE_INPUT_OPTIONS)[number]))
            throw new BadRequest(`Invalid value at 'value_input_option' (${String(option)})`);
        };
        try {
          // Every write is applied to a copy, so a refused one leaves the sheet as it was.
          let updated = structuredClone(file);
          let answer: unknown;
          if (batchUpdate) {
            const applied = applyBatchUpdate(file, body);
            updated = applied.updated;
            answer = { spreadsheetId: id, replies: applied.replies };
          } else if (valuesBatchUpdate) {
            const input = z
              .object({ valueInputOption: z.unknown(), data: z.array(ValueRangeBody) })
              .parse(body);
            inputOption(input.valueInputOption);
            const responses = input.data.map((valueRange) => {
              if (!valueRange.range) throw new BadRequest('Each ValueRange needs a range.');
              return writeValues(updated, valueRange.range, valueRange);
            });
            const total = (key: 'updatedRows' | 'updatedColumns' | 'updatedCells') =>
              responses.reduce((sum, r) => sum + (r[key] ?? 0), 0);
            answer = {
              spreadsheetId: id,
              totalUpdatedRows: total('updatedRows'),
              totalUpdatedColumns: total('updatedColumns'),
              totalUpdatedCells: total('updatedCells'),
              totalUpdatedSheets: new Set(responses.map((r) => r.updatedRange?.split('!')[0])).size,
              responses,
            };
          } else if (clear) {
            answer = clearValues(updated, range!);
          } else {
            inputOption(url.searchParams.get('valueInputOption') ?? undefined);
            const input = ValueRangeBody.parse(body);
            if (input.range !== undefined && input.range !== range)
              throw new BadRequest(
                `Requested range [${range}] does not match the range in the body [${input.range}].`,
              );
            answer = writeValues(updated, range!, input);
          }
          state.spreadsheets.set(id, updated);
          state.touch(updated);
          return send(res, 200, answer);
        } catch (error) {
          if (error instanceof BadRequest || error instanceof z.ZodError)
            return badRequest(error.message);
          throw error;
        }
      }

      send(
        res,
        404,
        googleError(404, 'NOT_FOUND', `The fake has no endpoint ${req.method} ${path}`),
      );
    } catch (error) {
      send(res, 500, googleError(500, 'INTERNAL', `fake error: ${(error as Error).message}`));
    }
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type { FailureTarget };
export { quoteTab };
