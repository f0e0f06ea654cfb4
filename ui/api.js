// The control service's HTTP API. The session token is the only thing kept in localStorage.
const TOKEN_KEY = 'fleetcast.token';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function token() {
  return localStorage.getItem(TOKEN_KEY);
}

export function rememberToken(value) {
  if (value) {
    localStorage.setItem(TOKEN_KEY, value);
  } else {
    localStorage.removeItem(TOKEN_KEY);
  }
}

/** JSON in, JSON out; errors become ApiError with the service's code and message. */
export async function api(path, { method = 'GET', body, auth = true } = {}) {
  const headers = {};
  const current = token();
  if (auth && current) {
    headers.Authorization = `Bearer ${current}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data?.error ?? 'error', data?.message ?? response.statusText);
    if (response.status === 401 && auth && current) {
      rememberToken(null);
      window.dispatchEvent(new CustomEvent('fleetcast:signed-out'));
    }
    throw error;
  }
  return data;
}

export function streamInfo() {
  return api('/api/stream/info', { auth: false });
}
