// A story: its figures, three charts (volume, negative share, forecast) and its mentions in order.

const StoryView = {
  charts: [],

  async render(id) {
    const view = document.getElementById('view');
    view.replaceChildren(h('p', {class: 'loading'}, '…'));
    let story, mentions;
    try {
      [story, mentions] = await Promise.all([Api.story(id), Api.storyMentions(id).catch(e => {
        if (e.status === 404) return {mentions: []};
        throw e;
      })]);
    } catch (e) {
      view.replaceChildren(h('p', {class: 'error'}, e.status === 404 ? t('story.notFound') + ': ' + id : e.message));
      return;
    }
    const list = mentions.mentions;
    const kolNames = new Set((story.signals?.kols || []).map(k => k.name));
    const g = story.signals || {};
    view.replaceChildren(
      h('a', {href: '#/feed', class: 'back'}, t('story.back')),
      h('section', {class: 'story-head'},
        h('h1', {title: story.title?.text || id}, t('story.title'), ' · ', story.title?.text || id),
        h('div', {class: 'figs big'},
          h('span', {}, t('story.size'), ' ', h('b', {}, fmtCount(story.size))),
          h('span', {}, t('story.platforms'), ' ', h('b', {}, (story.platforms || []).map(p => t('pf.' + p)).join(' / '))),
          h('span', {}, t('story.velocity'), ' ', h('b', {}, (g.velocity1h ?? 0).toFixed(1))),
          h('span', {}, t('story.reach'), ' ', h('b', {}, fmtCount(g.reach))),
          h('span', {}, t('story.negative'), ' ', h('b', {}, Math.round((g.negativeShare || 0) * 100) + '%')),
          h('span', {}, t('story.kols'), ' ', h('b', {}, (g.kols || []).length)),
          h('span', {}, t('story.escalations'), ' ', h('b', {class: g.escalations?.threats ? 'hot' : ''},
            (g.escalations?.threats || 0) + ((g.escalations?.channels || []).length ? ' · ' + g.escalations.channels.join(', ') : ''))),
          h('span', {}, t('story.risk'), ' ', h('b', {}, (story.risk || 0).toFixed(2))))),
      this.carriers(story),
      h('section', {class: 'charts'},
        h('div', {class: 'chart', id: 'chart-volume'}), h('div', {class: 'chart', id: 'chart-sentiment'}),
        h('div', {class: 'chart', id: 'chart-forecast'})),
      h('h2', {}, t('story.mentions'), ' (', list.length, ')'),
      h('ol', {class: 'mentions'}, list.map(m => this.mention(m, kolNames))));
    this.draw(story, list);
  },

  /** Who carried the incident, by role, and the brand's responses (earliest first). */
  carriers(story) {
    const c = story.carriers || {};
    const roles = ['complainants', 'kols', 'media', 'government', 'brand'].filter(r => (c[r] || []).length);
    const responses = story.brandResponses || [];
    if (!roles.length && !responses.length) return null;
    return h('section', {class: 'carriers'},
      roles.map(r => h('div', {class: 'carrier-role', dataset: {role: r}}, h('span', {class: 'chip'}, t('story.role.' + r)), ' ',
        c[r].map(x => x.name + ' (' + fmtCount(x.followers) + ')').join('、'))),
      responses.length ? h('div', {class: 'brand-responses'}, h('span', {class: 'chip brand-replied'}, t('story.brandResponses')), ' ',
        responses.map(r => h('a', {href: '#/story/' + encodeURIComponent(story.id), title: r.mentionId}, r.author, ' ', fmtTime(r.at)))) : null);
  },

  mention(m, kolNames) {
    const x = m.mention, an = m.analysis || {};
    const kol = m.kol || kolNames.has(x.author?.name);
    return h('li', {class: 'mention' + (an.escalation ? ' escalation' : ''), dataset: {id: x.platform + ':' + x.id}},
      h('div', {class: 'm-head'},
        h('span', {class: 'pf pf-' + x.platform}, t('pf.' + x.platform)),
        h('b', {class: 'author'}, x.author?.name || x.author?.id),
        kol ? h('span', {class: 'chip kol'}, t('story.kol')) : null,
        h('span', {class: 'followers'}, fmtCount(x.author?.followers)),
        an.label ? h('span', {class: 'chip lbl-' + an.label}, t('label.' + an.label)) : null,
        an.emotion ? h('span', {class: 'chip'}, t('emo.' + an.emotion)) : null,
        (an.complaint || []).map(c => h('span', {class: 'chip cmp'}, t('cmp.' + c))),
        h('span', {class: 'spacer'}),
        h('time', {datetime: x.createdAt}, fmtTime(x.createdAt)),
        this.link(x.url)),
      h('p', {class: 'm-text'}, highlight(x.text || '', m.highlights || [])));
  },

  /** The original post's link; a url that is not http(s) (javascript:, data:, ...) is shown as text, never a link. */
  link(url) {
    if (!url) return null;
    const href = webLink(url);
    return href ? h('a', {href, target: '_blank', rel: 'noopener noreferrer'}, t('story.open') + ' ↗')
      : h('span', {class: 'url-text', title: t('story.notLink')}, url);
  },

  /**
   * Volume and negative share per time slice from the mentions (5 minutes for a story of a few hours,
   * hours for one of a few days, days beyond); the forecast against the cumulative size.
   */
  draw(story, list) {
    this.charts.forEach(c => c.dispose());
    const times = list.map(m => new Date(m.mention.createdAt).getTime());
    const span = times.length ? times[times.length - 1] - times[0] : 0;
    const slice = span <= 3 * 3600e3 ? 300e3 : span <= 3 * 86400e3 ? 3600e3 : 86400e3;
    const unit = slice === 300e3 ? '5m' : slice === 3600e3 ? '' : 'Day';
    const hours = new Map();
    list.forEach((m, i) => {
      const k = Math.floor(times[i] / slice) * slice;
      const b = hours.get(k) || {n: 0, neg: 0};
      b.n++;
      if (m.analysis?.label === 'negative') b.neg++;
      hours.set(k, b);
    });
    if (times.length) {   // empty slices count too: a quiet hour is part of the shape
      for (let k = Math.floor(times[0] / slice) * slice; k <= times[times.length - 1]; k += slice) {
        if (!hours.has(k)) hours.set(k, {n: 0, neg: 0});
      }
    }
    const keys = [...hours.keys()].sort((a, b) => a - b);
    const label = k => fmtTime(new Date(k).toISOString()).replace(/:00$/, '');
    const share = b => b.n ? Math.round(100 * b.neg / b.n) : null;
    const base = {grid: {left: 44, right: 16, top: 36, bottom: 28}, tooltip: {trigger: 'axis'},
      textStyle: {fontFamily: 'system-ui, sans-serif'}, animation: false};
    const volume = echarts.init(document.getElementById('chart-volume'));
    volume.setOption(Object.assign({}, base, {title: {text: t('chart.volume' + unit), textStyle: {fontSize: 13}},
      xAxis: {type: 'category', data: keys.map(label)}, yAxis: {type: 'value', minInterval: 1},
      series: [{type: 'bar', name: t('chart.volume' + unit), data: keys.map(k => hours.get(k).n), itemStyle: {color: '#3b6fd8'}}]}));
    const sentiment = echarts.init(document.getElementById('chart-sentiment'));
    sentiment.setOption(Object.assign({}, base, {title: {text: t('chart.sentiment' + unit), textStyle: {fontSize: 13}},
      xAxis: {type: 'category', data: keys.map(label)}, yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}},
      series: [{type: 'line', name: t('chart.sentiment'), areaStyle: {opacity: .15}, color: '#d23f3f',
        connectNulls: true, data: keys.map(k => share(hours.get(k)))}]}));
    const f = story.forecast;
    let total = 0;
    const cumulative = list.map(m => [new Date(m.mention.createdAt).getTime(), ++total]);
    const forecast = echarts.init(document.getElementById('chart-forecast'));
    const marks = f ? {
      markLine: {symbol: 'none', label: {position: 'insideStartTop', formatter: t('chart.predicted') + ' {c}'}, lineStyle: {color: '#e07b00', type: 'dashed'},
        data: [{yAxis: Math.round(f.predictedFinal)}]},
      markArea: {itemStyle: {color: 'rgba(224,123,0,0.12)'}, label: {show: false},
        data: [[{yAxis: Math.round(f.low), name: t('chart.band')}, {yAxis: Math.round(f.high)}]]}} : {};
    forecast.setOption(Object.assign({}, base, {title: {text: t('chart.forecast'), textStyle: {fontSize: 13}},
      legend: {right: 8, top: 4, textStyle: {fontSize: 11}},
      xAxis: {type: 'time'}, yAxis: {type: 'value', max: f ? v => Math.max(v.max, Math.ceil(f.high * 1.05)) : null},
      series: [Object.assign({type: 'line', step: 'end', name: t('chart.observed'), showSymbol: false, color: '#3b6fd8',
        data: cumulative}, marks)]}));
    this.charts = [volume, sentiment, forecast];
  },

  resize() { this.charts.forEach(c => c.resize()); }
};

/** The text with each escalation phrase marked (as text nodes and <mark>, never as HTML). */
function highlight(text, phrases) {
  const sorted = phrases.filter(Boolean).sort((a, b) => b.length - a.length);
  if (!sorted.length) return text;
  const out = [];
  let i = 0, plain = '';
  while (i < text.length) {
    const p = sorted.find(w => text.startsWith(w, i));
    if (p) {
      if (plain) { out.push(plain); plain = ''; }
      out.push(h('mark', {class: 'esc'}, p));
      i += p.length;
    } else {
      plain += text[i++];
    }
  }
  if (plain) out.push(plain);
  return out;
}
