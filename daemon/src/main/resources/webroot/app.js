// The console's shell: the hash router (#/feed, #/story/{id}, #/search, #/status), language, who is on duty, login.

const Router = {
  current: null,
  go() {
    const [, route = 'feed', arg] = location.hash.split('/');
    this.current = route;
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.route === route
        || (route === 'story' && a.dataset.route === 'feed')));
    document.getElementById('view').replaceChildren();
    if (route === 'story' && arg) StoryView.render(decodeURIComponent(arg));
    else if (route === 'search') SearchView.render();
    else if (route === 'status') StatusView.render();
    else { this.current = 'feed'; Feed.render(); }
  }
};

const Me = {
  name() { return document.getElementById('me').value.trim(); },
  init(fromLogin) {
    const input = document.getElementById('me');
    input.value = fromLogin || localStorage.getItem('fb.me') || '';
    input.addEventListener('change', () => localStorage.setItem('fb.me', input.value.trim()));
  }
};

const Login = {
  show() {
    const d = document.getElementById('login');
    if (!d.open) d.showModal();
  },
  init() {
    document.getElementById('login-form').addEventListener('submit', async e => {
      e.preventDefault();
      const err = document.getElementById('login-error');
      try {
        const me = await Api.login(document.getElementById('login-token').value.trim());
        err.hidden = true;
        document.getElementById('login').close();
        document.getElementById('me').value = me.name || '';
        start();
      } catch (x) {
        err.textContent = x.message;
        err.hidden = false;
      }
    });
  }
};

function renderShell() {
  applyI18n();
  document.getElementById('lang').textContent = t('lang.switch');
  setConn(document.getElementById('conn').dataset.state);
}

async function start() {
  let me = null;
  try { me = await Api.me(); } catch (e) { if (e.status === 401) return; }
  if (me && me.name && !Me.name()) document.getElementById('me').value = me.name;
  try {
    await Feed.start();
  } catch (e) {
    if (e.status !== 401) toast(e.message, true);
    return;
  }
  Router.go();
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(lang === 'zh' ? 'en' : 'zh');
  renderShell();
  Router.go();
});
window.addEventListener('hashchange', () => Router.go());
window.addEventListener('resize', () => StoryView.resize());
setInterval(() => { if (Router.current === 'feed') Feed.render(); }, 60_000);   // snoozes end on time
Me.init();
Login.init();
renderShell();
start();
