// Connector health and rule status at a glance.

const StatusView = {
  async render() {
    const view = document.getElementById('view');
    view.replaceChildren(h('p', {class: 'loading'}, '…'));
    let connectors, rules;
    try {
      [connectors, rules] = await Promise.all([Api.connectors(), Api.rules()]);
    } catch (e) {
      view.replaceChildren(h('p', {class: 'error'}, e.message));
      return;
    }
    const feeds = Array.isArray(connectors) ? connectors : (connectors.feeds || connectors.connectors || []);
    const table = (cols, rows) => h('table', {class: 'grid'},
      h('thead', {}, h('tr', {}, cols.map(c => h('th', {}, t('col.' + c))))),
      h('tbody', {}, rows));
    view.replaceChildren(h('div', {},   // h() leaves out the parts that are null
      h('h1', {}, t('status.connectors')),
      feeds.length ? null : h('p', {class: 'empty'}, t('status.noFeeds')),
      !feeds.length ? null : table(['feed', 'type', 'state', 'lastSuccess', 'fetched', 'pausedUntil', 'lastError'], feeds.map(f => h('tr', {},
        h('td', {}, f.feed || f.connector), h('td', {}, f.type),
        h('td', {}, h('span', {class: 'state state-' + f.state}, f.state)),
        h('td', {}, fmtTime(f.lastSuccess)), h('td', {class: 'num'}, fmtCount(f.mentionsFetched)),
        h('td', {}, fmtTime(f.pausedUntil)), h('td', {class: 'err'}, f.lastError || '')))),
      h('h1', {}, t('status.rules')),
      rules.problems.length ? h('div', {class: 'problems'}, h('b', {}, t('status.problems')),
        h('ul', {}, rules.problems.map(p => h('li', {}, p)))) : null,
      rules.rules.length ? table(['id', 'severity', 'version', 'file'], rules.rules.map(r => h('tr', {},
        h('td', {}, r.id), h('td', {}, h('span', {class: 'sev-badge sev-' + r.severity}, r.severity)),
        h('td', {}, r.version), h('td', {class: 'mono'}, r.file))))
        : h('p', {class: 'empty'}, t('status.noRules'))));
  }
};
