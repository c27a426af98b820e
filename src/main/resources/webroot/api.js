// The only module that talks to the service: fetch for requests, EventSource for the live stream.
// A refusal arrives as problem+json; it is thrown as an ApiError carrying its French title and field errors.

export class ApiError extends Error {
  constructor(problem) {
    super(problem.title || 'Erreur');
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.errors = problem.errors || [];
    this.appointments = problem.appointments || [];
    this.duties = problem.duties || [];
  }
}

const signedOutListeners = new Set();

/** Called when the service says the session is over (401 on an ordinary request). */
export function onSignedOut(listener) {
  signedOutListeners.add(listener);
}

const passwordListeners = new Set();

/** Called when the service says this account must first change its password (403 PASSWORD_CHANGE_REQUIRED). */
export function onPasswordChangeRequired(listener) {
  passwordListeners.add(listener);
}

export async function api(method, path, body, headers = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError({ status: 0, code: 'NETWORK', title: 'Le service ne répond pas : vérifiez la connexion puis réessayez.' });
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/v1/auth/')) signedOutListeners.forEach((l) => l());
    if (response.status === 403 && data && data.code === 'PASSWORD_CHANGE_REQUIRED') passwordListeners.forEach((l) => l());
    throw new ApiError(data || { status: response.status, title: 'Requête refusée' });
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body, headers) => api('POST', path, body, headers);
export const patch = (path, body) => api('PATCH', path, body);

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Shows a refusal in a container: its title, then each field error. */
export function showProblem(container, error) {
  container.replaceChildren();
  const title = document.createElement('p');
  title.textContent = error instanceof ApiError ? error.message : 'Une erreur inattendue est survenue.';
  container.append(title);
  if (error instanceof ApiError && error.errors.length) {
    const list = document.createElement('ul');
    error.errors.forEach((e) => {
      const li = document.createElement('li');
      li.textContent = `${e.field} : ${e.message}`;
      list.append(li);
    });
    container.append(list);
  }
}

export const CALL_EVENTS = ['call.ringing', 'call.answered', 'call.ended', 'call.missed', 'slot.booked', 'slot.freed'];

/**
 * The live event stream (the call queue's events unless other types are named). The browser's EventSource resumes by itself with Last-Event-ID after a cut;
 * if it gives up (the service refused it), this opens a new one from the last id seen.
 */
export function stream(path, { onEvent, onState, types = CALL_EVENTS }) {
  let source;
  let lastId = null;
  let stopped = false;
  let retry;
  const open = () => {
    source = new EventSource(lastId === null ? path : `${path}?lastEventId=${encodeURIComponent(lastId)}`);
    source.onopen = () => onState(true);
    source.onerror = () => {
      onState(false);
      if (source.readyState === EventSource.CLOSED && !stopped) retry = setTimeout(open, 3000);
    };
    types.forEach((type) =>
      source.addEventListener(type, (e) => {
        lastId = e.lastEventId;
        onEvent(type, JSON.parse(e.data));
      }));
  };
  open();
  return () => { stopped = true; clearTimeout(retry); source.close(); };
}

/** A request whose body is text of another type (an .ics file sent as text/calendar). */
export function sendText(method, path, text, contentType) {
  return fetch(path, { method, credentials: 'same-origin', headers: { Accept: 'application/json', 'Content-Type': contentType }, body: text })
    .catch(() => { throw new ApiError({ status: 0, code: 'NETWORK', title: 'Le service ne répond pas : vérifiez la connexion puis réessayez.' }); })
    .then(async (response) => {
      const data = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
      if (!response.ok) throw new ApiError(data || { status: response.status, title: 'Requête refusée' });
      return data;
    });
}
