// Building the page: elements from data (text is always set as text, never parsed as HTML), formats, messages.

/** h('div', {class: 'x', onclick: fn, dataset: {id: 1}}, child, 'text', ...) */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * A URL from the data as a link target: an absolute http: or https: URL, as the browser reads it
 * (so " javascript:..." or "JaVaScRiPt:..." are caught too); null for anything else, which is then
 * shown as text. Mentions come from platforms and pushes: their url is not ours to trust.
 */
function webLink(url) {
  if (typeof url !== 'string') return null;
  let parsed;
  try { parsed = new URL(url); } catch (e) { return null; }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** A time as the agent reads it: local, to the second; today's without the date. */
function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return iso;
  const pad = n => String(n).padStart(2, '0');
  const hms = pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  const today = new Date().toDateString() === d.toDateString();
  return today ? hms : (d.getMonth() + 1) + '/' + d.getDate() + ' ' + hms;
}

/** 1234567 -> 123.5万 (zh) or 1.2M (en). */
function fmtCount(n) {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  if (lang === 'zh') return n >= 1e8 ? (n / 1e8).toFixed(1) + '亿' : n >= 1e4 ? (n / 1e4).toFixed(1) + '万' : String(Math.round(n));
  return n >= 1e6 ? (n / 1e6).toFixed(1) + 'M' : n >= 1e3 ? (n / 1e3).toFixed(1) + 'k' : String(Math.round(n));
}

let toastTimer;
/** A message at the top of the page; errors stay longer. */
function toast(message, isError) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.className = isError ? 'error' : 'ok';
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, isError ? 8000 : 2500);
}
