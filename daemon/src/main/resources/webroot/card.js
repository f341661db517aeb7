// One alert on the feed, with the agent's steps: acknowledge, assign, resolve (with a note), snooze.

const AlertCard = {
  render(a, l, old) {
    const status = this.status(a, l);
    l = this.people(a, l);
    const snoozed = Feed.isSnoozed(a.id);
    const fresh = a.receivedAt && !a.flashed;   // a new or changed alert flashes once
    a.flashed = true;
    const s = a.story || {};
    const figures = [
      [t('card.size'), fmtCount(s.size)], [t('card.velocity'), s.velocity === undefined ? '–' : s.velocity.toFixed(1)],
      [t('card.predicted'), fmtCount(s.predictedSize)], [t('card.reach'), fmtCount(s.reach)]];
    const people = [];
    if (l && l.acknowledgedBy) people.push([t('card.ackBy'), l.acknowledgedBy]);
    if (l && l.assignee) people.push([t('card.assignee'), l.assignee]);
    if (snoozed) people.push([t('card.snoozedUntil'), fmtTime(l.snoozedUntil)]);
    if (l && l.resolution) people.push([t('card.resolution'), l.resolution]);
    const done = status === 'resolved';
    return h('article', {class: 'card sev-' + a.severity + ' st-' + status + (snoozed ? ' snoozed' : '') + (fresh ? ' fresh' : ''),
        dataset: {id: a.id, status: status, severity: a.severity}},
      h('div', {class: 'card-head'},
        h('span', {class: 'sev'}, a.severity, ' ', t('sev.' + a.severity)),
        h('span', {class: 'chip st'}, t('status.' + status)),
        snoozed ? h('span', {class: 'chip snooze'}, t('feed.snoozed')) : null,
        l && l.escalationLevel ? h('span', {class: 'chip escalated', title: t('card.escalated')}, '↑L' + l.escalationLevel) : null,
        h('span', {class: 'rule', title: t('card.rule')}, this.ruleIds(a)),
        h('span', {class: 'spacer'}),
        h('time', {datetime: a.firedAt, title: a.firedAt}, fmtTime(a.firedAt))),
      h('div', {class: 'reason'}, a.reason),
      ServiceClockChips.render(a),
      h('div', {class: 'figs'},
        figures.map(([k, v]) => h('span', {}, k, ' ', h('b', {}, v))),
        this.brandResponse(s),
        people.map(([k, v]) => h('span', {class: 'person'}, k, ' ', h('b', {}, v)))),
      h('div', {class: 'actions'},
        a.storyId ? h('a', {class: 'btn ghost', href: '#/story/' + encodeURIComponent(a.storyId), 'data-action': 'story'}, t('act.story')) : null,
        done ? null : [
          status === 'firing' ? h('button', {type: 'button', 'data-action': 'ack', onclick: () => this.step(a.id, 'ack', {})}, t('act.ack')) : null,
          h('button', {type: 'button', class: 'ghost', 'data-action': 'assign', onclick: e => this.form(e, a.id, 'assign')}, t('act.assign')),
          h('button', {type: 'button', class: 'ghost', 'data-action': 'snooze', onclick: e => this.form(e, a.id, 'snooze')}, t('act.snooze')),
          h('button', {type: 'button', class: 'primary', 'data-action': 'resolve', onclick: e => this.form(e, a.id, 'resolve')}, t('act.resolve'))]));
  },

  /**
   * The status the card shows: its lifecycle's when known, else the alert version's (which carries the
   * lifecycle's too); a newer version of a grown story never shows an acknowledged alert as 未处理.
   */
  status(a, l) {
    const state = (l && l.state) || (a.handling && a.handling.state);
    if (!state) return a.status;
    return state === 'resolved' ? 'resolved' : state === 'open' ? 'firing' : 'acknowledged';
  },

  /** Who acknowledged it and who has it: the lifecycle, or the alert's own handling until that has loaded. */
  people(a, l) {
    if (l || !a.handling) return l;
    return {state: a.handling.state, acknowledgedBy: a.handling.acknowledgedBy, assignee: a.handling.assignee};
  },

  /** Every rule that matched the incident, most severe first. */
  ruleIds(a) {
    return a.rules && a.rules.length ? a.rules.map(r => r.ruleId).join(' + ') : a.ruleId;
  },

  /** "品牌已回应 HH:mm" once the brand's own account posted in the incident (its time is China time already). */
  brandResponse(s) {
    if (!s.brandRespondedAt) return null;
    return h('span', {class: 'chip brand-replied', title: s.brandRespondedAt}, t('card.brandReplied'), ' ', s.brandRespondedAt.substring(11, 16));
  },

  /** Opens the small form a step needs under the card; the card is not redrawn while it is open. */
  form(e, id, kind) {
    const card = e.target.closest('.card');
    card.querySelector('.step-form')?.remove();
    card.dataset.editing = kind;
    const close = () => { form.remove(); delete card.dataset.editing; Feed.render(); };
    let form;
    if (kind === 'snooze') {
      form = h('div', {class: 'step-form', 'data-form': kind}, h('span', {}, t('act.snoozeFor')),
        ['1h', '4h', '24h'].map(d => h('button', {type: 'button', 'data-snooze': d,
          onclick: () => this.step(id, 'snooze', {for: d}).then(ok => ok && close())}, d)),
        h('button', {type: 'button', class: 'ghost', onclick: close}, t('act.cancel')));
    } else {
      const input = kind === 'resolve'
        ? h('textarea', {rows: 2, name: 'note', placeholder: t('act.note')})
        : h('input', {name: 'to', placeholder: t('act.assignTo')});
      form = h('form', {class: 'step-form', 'data-form': kind, onsubmit: ev => {
        ev.preventDefault();
        const value = input.value.trim();
        if (!value) { toast(t(kind === 'resolve' ? 'err.noteRequired' : 'err.assignee'), true); input.focus(); return; }
        this.step(id, kind, kind === 'resolve' ? {note: value} : {to: value}).then(ok => ok && close());
      }}, input, h('button', {type: 'submit', class: 'primary', 'data-action': kind + '-submit'}, t('act.ok')),
        h('button', {type: 'button', class: 'ghost', onclick: close}, t('act.cancel')));
      setTimeout(() => input.focus());
    }
    card.append(form);
  },

  /** Sends one step; the reply is the new lifecycle. Returns whether it was taken. */
  async step(id, action, body) {
    const by = Me.name();
    if (!by) { toast(t('err.me'), true); document.getElementById('me').focus(); return false; }
    try {
      const l = await Api.act(id, action, Object.assign({by}, body));
      Feed.lifecycles.set(id, l);
      const a = Feed.alerts.get(id);
      if (a) a.status = l.state === 'resolved' ? 'resolved' : l.state === 'open' ? 'firing' : 'acknowledged';
      toast(t('act.' + action) + ' ✓');
      if (Router.current === 'feed') Feed.render();
      return true;
    } catch (err) {
      toast(err.message, true);
      return false;
    }
  }
};
