// The daemon's API. Errors carry the API's own message ({"error": "..."}); a 401 asks for a login.

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(method, path, body) {
  let res;
  try {
    res = await fetch(path, {
      method, credentials: 'same-origin',
      headers: body === undefined ? {} : {'Content-Type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (e) {
    throw new ApiError(0, t('err.network') + e.message);
  }
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { /* not JSON: keep the text */ }
  if (res.status === 401) {
    Login.show();
    throw new ApiError(401, (json && json.error) || 'login required');
  }
  if (!res.ok) throw new ApiError(res.status, (json && json.error) || t('err.http') + ' (' + res.status + ')');
  return json;
}

const Api = {
  alerts: limit => api('GET', '/api/alerts?limit=' + (limit || 200)),
  lifecycles: ids => ids.length ? api('GET', '/api/alerts/lifecycles?ids=' + ids.map(encodeURIComponent).join(','))
      : Promise.resolve({lifecycles: {}}),
  act: (id, action, body) => api('POST', '/api/alerts/' + encodeURIComponent(id) + '/' + action, body),
  story: id => api('GET', '/api/stories/' + encodeURIComponent(id)),
  storyMentions: id => api('GET', '/api/stories/' + encodeURIComponent(id) + '/mentions?limit=1000'),
  search: params => api('GET', '/api/mentions?' + new URLSearchParams(params)),
  histogram: params => api('GET', '/api/mentions/histogram?' + new URLSearchParams(params)),
  connectors: () => api('GET', '/api/connectors'),
  rules: () => api('GET', '/api/rules'),
  me: () => api('GET', '/api/me'),
  login: token => api('POST', '/api/login', {token})
};
