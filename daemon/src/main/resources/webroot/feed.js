// The live alert feed: GET /api/alerts, then the SSE stream (EventSource resends Last-Event-ID on reconnect).
// The stream runs whatever view is shown, so the feed is current when the agent comes back to it.

const SEVERITIES = ['P1', 'P2', 'P3', 'P4'];

const Feed = {
  alerts: new Map(),       // id -> alert JSON (latest version)
  lifecycles: new Map(),   // id -> lifecycle JSON
  lastSeq: 0,
  source: null,
  pendingLifecycles: new Set(),
  lifecycleTimer: null,

  async start() {
    const list = await Api.alerts(200);
    for (const a of list.slice().reverse()) this.take(a);
    await this.loadLifecycles([...this.alerts.keys()]);
    this.connect();
  },

  connect() {
    if (this.source) this.source.close();
    setConn('connecting');
    this.source = new EventSource('/api/alerts/stream?lastEventId=' + this.lastSeq);
    this.source.onopen = () => setConn('live');
    this.source.onerror = () => {
      if (this.source.readyState === EventSource.CLOSED) setTimeout(() => this.connect(), 3000);
      setConn('reconnecting');
    };
    this.source.addEventListener('alert', e => {
      const a = JSON.parse(e.data);
      a.seq = Number(e.lastEventId);
      this.take(a, true);
      this.lifecycleSoon(a.id);
      if (Router.current === 'feed') Feed.render();
    });
  },

  take(a, live) {
    if (a.seq) this.lastSeq = Math.max(this.lastSeq, a.seq);
    if (live) a.receivedAt = Date.now();   // the card flashes once when drawn
    this.alerts.set(a.id, a);
  },

  /** Lifecycles of alerts that just changed, in one call after a short pause (a burst is one request). */
  lifecycleSoon(id) {
    this.pendingLifecycles.add(id);
    clearTimeout(this.lifecycleTimer);
    this.lifecycleTimer = setTimeout(() => {
      const ids = [...this.pendingLifecycles];
      this.pendingLifecycles.clear();
      this.loadLifecycles(ids).then(() => { if (Router.current === 'feed') Feed.render(); });
    }, 150);
  },

  async loadLifecycles(ids) {
    for (let i = 0; i < ids.length; i += 200) {
      try {
        const r = await Api.lifecycles(ids.slice(i, i + 200));
        for (const [id, l] of Object.entries(r.lifecycles)) this.lifecycles.set(id, l);
      } catch (e) {
        if (e.status !== 401) toast(e.message, true);
      }
    }
  },

  isSnoozed(id) {
    const l = this.lifecycles.get(id);
    return !!(l && l.snoozedUntil && new Date(l.snoozedUntil) > new Date() && l.state !== 'resolved');
  },

  /** Open first (snoozed after them, resolved last), then P1..P4, then newest. */
  sorted() {
    const rank = a => a.status === 'resolved' ? 2 : this.isSnoozed(a.id) ? 1 : 0;
    return [...this.alerts.values()].sort((x, y) => rank(x) - rank(y)
        || SEVERITIES.indexOf(x.severity) - SEVERITIES.indexOf(y.severity)
        || String(y.firedAt).localeCompare(String(x.firedAt)));
  },

  render() {
    const view = document.getElementById('view');
    let list = view.querySelector('#feed');
    if (!list) {
      view.replaceChildren(
        h('section', {class: 'feed-head'},
          h('h1', {}, t('feed.title')), h('div', {id: 'feed-counts', class: 'counts'}),
          h('label', {class: 'toggle'}, h('input', {type: 'checkbox', id: 'show-resolved', checked: Feed.showResolved,
            onchange: e => { Feed.showResolved = e.target.checked; Feed.render(); }}), ' ', t('feed.showResolved'))),
        list = h('div', {id: 'feed', class: 'feed'}));
    }
    const all = this.sorted();
    const shown = all.filter(a => this.showResolved || a.status !== 'resolved');
    const open = all.filter(a => a.status !== 'resolved' && !this.isSnoozed(a.id)).length;
    const snoozed = all.filter(a => a.status !== 'resolved' && this.isSnoozed(a.id)).length;
    view.querySelector('#feed-counts').replaceChildren(
      h('span', {class: 'count open'}, t('feed.open'), ' ', h('b', {}, open)),
      h('span', {class: 'count'}, t('feed.snoozed'), ' ', h('b', {}, snoozed)),
      h('span', {class: 'count'}, t('feed.total'), ' ', h('b', {}, all.length)));
    const existing = new Map([...list.children].filter(c => c.dataset.id).map(c => [c.dataset.id, c]));
    const cards = shown.map(a => {
      const old = existing.get(a.id);
      return old && old.dataset.editing ? old : AlertCard.render(a, this.lifecycles.get(a.id), old);
    });
    list.replaceChildren(...(cards.length ? cards : [h('p', {class: 'empty'}, t('feed.empty'))]));
  },

  showResolved: true
};

function setConn(state) {
  const el = document.getElementById('conn');
  el.dataset.state = state;
  el.textContent = t('conn.' + state);
}
