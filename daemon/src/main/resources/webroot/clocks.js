// An alert's service clocks on its feed card: one chip per clock (acknowledge, first reply, supervisor)
// with its status and deadline. The feed list carries them (GET /api/alerts adds "clocks"); a card
// redrawn from the live stream keeps the clocks last seen for it.

const ServiceClockChips = {
  known: new Map(),   // alert id -> clocks last seen
  words: {
    zh: {acknowledge: '确认', firstReply: '首次回复', supervisor: '主管介入',
      pending: '截止', met: '已完成', breached: '已超时', title: '服务时限'},
    en: {acknowledge: 'Ack', firstReply: 'First reply', supervisor: 'Supervisor',
      pending: 'due', met: 'met', breached: 'breached', title: 'Service clocks'}
  },

  /** The chips for alert {@code a}, or null when it keeps no clocks. */
  render(a) {
    if (a.clocks) this.known.set(a.id, a.clocks);
    const clocks = a.clocks || this.known.get(a.id);
    if (!clocks || !clocks.length) return null;
    const w = this.words[lang] || this.words.zh;
    return h('div', {class: 'clocks', title: w.title, 'data-clocks': a.id},
      clocks.map(c => {
        const when = c.status === 'met' ? c.metAt : c.status === 'breached' ? c.breachedAt : c.deadline;
        return h('span', {class: 'chip clock clock-' + c.status, 'data-clock': c.kind, 'data-status': c.status,
            title: c.metBy || ''}, w[c.kind] || c.kind, ' ', w[c.status] || c.status, ' ', fmtTime(when));
      }));
  }
};
