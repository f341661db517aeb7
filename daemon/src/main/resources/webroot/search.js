// Search over all mentions: the index's query language, filters, a volume histogram and the hits.

const SearchView = {
  chart: null,
  params: {q: '', platform: '', sentiment: '', emotion: '', complaint: '', from: '', to: ''},

  render() {
    const p = this.params;
    const select = (name, prefix, values) => h('label', {}, t('search.' + name),
      h('select', {name}, h('option', {value: ''}, t('search.any')),
        values.map(v => h('option', {value: v, selected: p[name] === v}, t(prefix + v)))));
    const form = h('form', {class: 'search-form', onsubmit: e => { e.preventDefault(); this.run(new FormData(form)); }},
      h('input', {name: 'q', class: 'q', value: p.q, placeholder: t('search.q'), autocomplete: 'off'}),
      h('button', {type: 'submit', class: 'primary'}, t('search.go')),
      h('div', {class: 'filters'},
        select('platform', 'pf.', ['weibo', 'douyin', 'xiaohongshu', 'other']),
        select('sentiment', 'label.', ['negative', 'neutral', 'positive']),
        select('emotion', 'emo.', ['angry', 'sad', 'fear', 'surprise', 'happy', 'neutral']),
        select('complaint', 'cmp.', ['refund', 'quality', 'service', 'delivery', 'price', 'safety', 'privacy', 'fraud']),
        h('label', {}, t('search.from'), h('input', {type: 'datetime-local', name: 'from', value: p.from})),
        h('label', {}, t('search.to'), h('input', {type: 'datetime-local', name: 'to', value: p.to}))));
    document.getElementById('view').replaceChildren(
      h('h1', {}, t('search.title')), form,
      h('div', {id: 'search-total', class: 'total'}),
      h('div', {class: 'chart wide', id: 'chart-histogram'}),
      h('ol', {id: 'search-hits', class: 'mentions'}));
    this.run(new FormData(form));
  },

  async run(data) {
    for (const k of Object.keys(this.params)) this.params[k] = data.get(k) || '';
    const query = {q: this.params.q};
    for (const k of ['platform', 'sentiment', 'emotion', 'complaint']) if (this.params[k]) query[k] = this.params[k];
    for (const k of ['from', 'to']) if (this.params[k]) query[k] = new Date(this.params[k]).toISOString();
    try {
      const [result, histogram] = await Promise.all([Api.search(Object.assign({limit: 100}, query)),
        Api.histogram(Object.assign({buckets: 48}, query))]);
      document.getElementById('search-total').textContent = t('search.total', {n: result.total});
      document.getElementById('search-hits').replaceChildren(...(result.hits.length
        ? result.hits.map(m => StoryView.mention(Object.assign({highlights: []}, m), new Set()))
        : [h('p', {class: 'empty'}, t('search.none'))]));
      this.draw(histogram);
    } catch (e) {
      document.getElementById('search-total').replaceChildren(h('span', {class: 'error'}, e.message));
    }
  },

  draw(histogram) {
    if (this.chart) this.chart.dispose();
    this.chart = echarts.init(document.getElementById('chart-histogram'));
    // Each bar at the middle of its slice, the axis exactly the slices searched.
    const data = histogram.counts.map((n, i) => [histogram.from + (i + 0.5) * histogram.width, n]);
    const end = histogram.from + histogram.counts.length * histogram.width;
    this.chart.setOption({animation: false, grid: {left: 44, right: 16, top: 30, bottom: 28},
      title: {text: t('search.histogram'), textStyle: {fontSize: 13}}, tooltip: {trigger: 'axis'},
      xAxis: {type: 'time', min: histogram.from, max: end}, yAxis: {type: 'value', minInterval: 1},
      series: [{type: 'bar', data, barMaxWidth: 18, barMinWidth: 2, itemStyle: {color: '#3b6fd8'}}]});
  }
};
