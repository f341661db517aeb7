// Every string the console shows, in Chinese (default) and English. The choice is kept in localStorage.
const I18N = {
  zh: {
    'app.title': '舆情告警台', 'nav.feed': '告警', 'nav.search': '搜索', 'nav.status': '状态',
    'me.label': '值班人', 'lang.switch': 'English',
    'conn.connecting': '连接中…', 'conn.live': '实时', 'conn.reconnecting': '重连中…',
    'feed.title': '实时告警', 'feed.open': '待处理', 'feed.snoozed': '已暂停', 'feed.total': '全部',
    'feed.empty': '暂无告警。新告警会实时出现在这里。', 'feed.showResolved': '显示已解决',
    'sev.P1': '紧急', 'sev.P2': '高', 'sev.P3': '中', 'sev.P4': '低',
    'status.firing': '未处理', 'status.acknowledged': '已确认', 'status.resolved': '已解决',
    'act.ack': '确认', 'act.assign': '指派', 'act.resolve': '解决', 'act.snooze': '暂停',
    'act.assignTo': '指派给', 'act.note': '处理说明（必填）', 'act.ok': '提交', 'act.cancel': '取消',
    'act.snoozeFor': '暂停时长', 'act.story': '查看事件',
    'card.size': '规模', 'card.velocity': '每小时', 'card.predicted': '预测', 'card.reach': '覆盖',
    'card.assignee': '负责人', 'card.ackBy': '确认人', 'card.snoozedUntil': '暂停至', 'card.rule': '规则',
    'card.resolution': '处理说明', 'card.escalated': '无人确认，已升级通知',
    'err.noteRequired': '解决告警需要填写处理说明', 'err.assignee': '请填写指派对象', 'err.me': '请先填写值班人',
    'story.title': '事件', 'story.back': '← 返回告警', 'story.size': '提及数', 'story.platforms': '平台',
    'story.risk': '风险', 'story.reach': '覆盖人数', 'story.negative': '负面占比', 'story.kols': '大V',
    'story.role.complainants': '投诉人', 'story.role.kols': '大V', 'story.role.media': '媒体', 'story.role.government': '政府账号',
    'story.role.brand': '品牌', 'story.brandResponses': '品牌回应', 'card.brandReplied': '品牌已回应',
    'story.escalations': '升级威胁', 'story.velocity': '速度（条/小时）',
    'chart.volume': '声量（每小时提及）', 'chart.sentiment': '负面占比（每小时）',
    'chart.volume5m': '声量（每5分钟提及）', 'chart.sentiment5m': '负面占比（每5分钟）',
    'chart.volumeDay': '声量（每天提及）', 'chart.sentimentDay': '负面占比（每天）', 'chart.forecast': '传播预测',
    'chart.observed': '累计提及', 'chart.predicted': '预测最终规模', 'chart.band': '10–90% 区间',
    'story.mentions': '提及（按时间）', 'story.kol': '大V', 'story.open': '原帖', 'story.notLink': '不是网页链接，仅显示文字', 'story.notFound': '找不到该事件',
    'search.title': '搜索提及', 'search.q': '查询（如 退款 NEAR/5 客服 -好评）', 'search.go': '搜索',
    'search.platform': '平台', 'search.sentiment': '情感', 'search.emotion': '情绪', 'search.complaint': '投诉类型',
    'search.from': '从', 'search.to': '到', 'search.any': '全部', 'search.total': '共 {n} 条', 'search.histogram': '声量分布',
    'search.none': '没有匹配的提及',
    'label.negative': '负面', 'label.neutral': '中性', 'label.positive': '正面',
    'emo.angry': '愤怒', 'emo.sad': '悲伤', 'emo.fear': '恐惧', 'emo.happy': '开心', 'emo.surprise': '惊讶', 'emo.neutral': '平静',
    'cmp.refund': '退款', 'cmp.quality': '质量', 'cmp.service': '服务', 'cmp.delivery': '物流', 'cmp.price': '价格',
    'cmp.safety': '安全', 'cmp.privacy': '隐私', 'cmp.fraud': '欺诈',
    'pf.weibo': '微博', 'pf.douyin': '抖音', 'pf.xiaohongshu': '小红书', 'pf.other': '其他',
    'status.connectors': '数据源', 'status.rules': '告警规则', 'status.problems': '规则问题',
    'col.feed': '数据流', 'col.type': '类型', 'col.state': '状态', 'col.lastSuccess': '最近成功', 'col.lastError': '最近错误',
    'col.fetched': '已抓取', 'col.pausedUntil': '暂停至', 'col.id': '规则', 'col.version': '版本', 'col.severity': '级别',
    'col.file': '文件', 'status.noRules': '没有生效的规则',
    'status.noFeeds': '没有轮询的数据源（推送接入 /api/ingest 不在此列）',
    'login.title': '登录', 'login.hint': '请输入 API 令牌（管理员令牌在数据目录的 admin.token 中）', 'login.submit': '登录',
    'err.network': '网络错误：', 'err.http': '请求失败'
  },
  en: {
    'app.title': 'Alert console', 'nav.feed': 'Alerts', 'nav.search': 'Search', 'nav.status': 'Status',
    'me.label': 'On duty', 'lang.switch': '中文',
    'conn.connecting': 'Connecting…', 'conn.live': 'Live', 'conn.reconnecting': 'Reconnecting…',
    'feed.title': 'Live alerts', 'feed.open': 'Open', 'feed.snoozed': 'Snoozed', 'feed.total': 'All',
    'feed.empty': 'No alerts yet. New ones appear here as they fire.', 'feed.showResolved': 'Show resolved',
    'sev.P1': 'Critical', 'sev.P2': 'High', 'sev.P3': 'Medium', 'sev.P4': 'Low',
    'status.firing': 'Open', 'status.acknowledged': 'Acknowledged', 'status.resolved': 'Resolved',
    'act.ack': 'Acknowledge', 'act.assign': 'Assign', 'act.resolve': 'Resolve', 'act.snooze': 'Snooze',
    'act.assignTo': 'Assign to', 'act.note': 'How it was resolved (required)', 'act.ok': 'Submit', 'act.cancel': 'Cancel',
    'act.snoozeFor': 'Snooze for', 'act.story': 'Open story',
    'card.size': 'Size', 'card.velocity': 'Per hour', 'card.predicted': 'Forecast', 'card.reach': 'Reach',
    'card.assignee': 'Assignee', 'card.ackBy': 'Acknowledged by', 'card.snoozedUntil': 'Snoozed until', 'card.rule': 'Rule',
    'card.resolution': 'Resolution', 'card.escalated': 'Nobody acknowledged it: escalated',
    'err.noteRequired': 'Resolving an alert needs a note', 'err.assignee': 'Say whom to assign it to', 'err.me': 'Fill in who is on duty first',
    'story.title': 'Story', 'story.back': '← Back to alerts', 'story.size': 'Mentions', 'story.platforms': 'Platforms',
    'story.risk': 'Risk', 'story.reach': 'Reach', 'story.negative': 'Negative share', 'story.kols': 'KOLs',
    'story.role.complainants': 'Complainants', 'story.role.kols': 'KOLs', 'story.role.media': 'Media', 'story.role.government': 'Government',
    'story.role.brand': 'Brand', 'story.brandResponses': 'Brand responses', 'card.brandReplied': 'Brand replied',
    'story.escalations': 'Escalation threats', 'story.velocity': 'Velocity (per hour)',
    'chart.volume': 'Volume (mentions per hour)', 'chart.sentiment': 'Negative share (per hour)',
    'chart.volume5m': 'Volume (mentions per 5 min)', 'chart.sentiment5m': 'Negative share (per 5 min)',
    'chart.volumeDay': 'Volume (mentions per day)', 'chart.sentimentDay': 'Negative share (per day)', 'chart.forecast': 'Forecast',
    'chart.observed': 'Cumulative mentions', 'chart.predicted': 'Predicted final size', 'chart.band': '10–90% band',
    'story.mentions': 'Mentions (in order)', 'story.kol': 'KOL', 'story.open': 'Original', 'story.notLink': 'not a web link: shown as text only', 'story.notFound': 'No such story',
    'search.title': 'Search mentions', 'search.q': 'Query (e.g. 退款 NEAR/5 客服 -好评)', 'search.go': 'Search',
    'search.platform': 'Platform', 'search.sentiment': 'Sentiment', 'search.emotion': 'Emotion', 'search.complaint': 'Complaint',
    'search.from': 'From', 'search.to': 'To', 'search.any': 'Any', 'search.total': '{n} mentions', 'search.histogram': 'Volume',
    'search.none': 'No mentions match',
    'label.negative': 'Negative', 'label.neutral': 'Neutral', 'label.positive': 'Positive',
    'emo.angry': 'Angry', 'emo.sad': 'Sad', 'emo.fear': 'Fear', 'emo.happy': 'Happy', 'emo.surprise': 'Surprise', 'emo.neutral': 'Neutral',
    'cmp.refund': 'Refund', 'cmp.quality': 'Quality', 'cmp.service': 'Service', 'cmp.delivery': 'Delivery', 'cmp.price': 'Price',
    'cmp.safety': 'Safety', 'cmp.privacy': 'Privacy', 'cmp.fraud': 'Fraud',
    'pf.weibo': 'Weibo', 'pf.douyin': 'Douyin', 'pf.xiaohongshu': 'Xiaohongshu', 'pf.other': 'Other',
    'status.connectors': 'Connectors', 'status.rules': 'Alert rules', 'status.problems': 'Rule problems',
    'col.feed': 'Feed', 'col.type': 'Type', 'col.state': 'State', 'col.lastSuccess': 'Last success', 'col.lastError': 'Last error',
    'col.fetched': 'Fetched', 'col.pausedUntil': 'Paused until', 'col.id': 'Rule', 'col.version': 'Version', 'col.severity': 'Severity',
    'col.file': 'File', 'status.noRules': 'No rules in force',
    'status.noFeeds': 'No polled connectors (push ingest at /api/ingest is not listed here)',
    'login.title': 'Sign in', 'login.hint': 'Enter an API token (the admin token is in admin.token in the data folder)', 'login.submit': 'Sign in',
    'err.network': 'Network error: ', 'err.http': 'Request failed'
  }
};

let lang = localStorage.getItem('fb.lang') === 'en' ? 'en' : 'zh';

/** The string for key in the chosen language ({name} placeholders filled from vars). */
function t(key, vars) {
  let s = I18N[lang][key] ?? I18N.zh[key] ?? key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace('{' + k + '}', v);
  return s;
}

/** Fills every element marked data-i18n (text) or data-i18n-placeholder under root. */
function applyI18n(root) {
  (root || document).querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  (root || document).querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}

function setLang(next) {
  lang = next;
  localStorage.setItem('fb.lang', next);
}
