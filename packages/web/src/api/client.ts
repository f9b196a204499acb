/** A refusal or failure from the API, in the server's shape: a code the UI can act on and a sentence for people. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ReadonlyArray<{ field: string; message: string }> = [],
  ) {
    super(message);
  }
}

type SignedOutListener = () => void;
let onSignedOut: SignedOutListener | undefined;

/** Called when the server says the session has ended, so the app can show the sign-in page. */
export function whenSignedOut(listener: SignedOutListener | undefined) {
  onSignedOut = listener;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Array<{ field: string; message: string }> };
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, 'network', 'Continuity could not reach the server. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const parsed = (await response.json().catch(() => undefined)) as (T & ErrorBody) | undefined;
  if (response.ok && parsed !== undefined) return parsed;
  const error = parsed?.error;
  const problem = new ApiProblem(
    response.status,
    error?.code ?? 'unexpected',
    error?.message ?? 'Something went wrong on our side. Please try again.',
    error?.fields ?? [],
  );
  if (problem.status === 401 && problem.code === 'not-signed-in') onSignedOut?.();
  throw problem;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
