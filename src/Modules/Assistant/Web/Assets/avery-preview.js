// Live store preview (spec Ticket 4.1): the coach's public store page in miniature, themed like
// it (same CSS custom properties as Storefront/Themes/ThemeCss.cs), re-rendering only the
// sections a store_preview_update names and pulsing them for two seconds. Store text is only
// ever set as text; URLs are checked before they become src/href.

import { el, richText } from './avery-chat.js';
import { safeUrl } from './avery-client.js';

const SECTIONS = ['hero', 'pricing', 'sessions', 'blogs'];
const HIGHLIGHT_MS = 2000;

// The default template (creator_modern) stands in for any value that fails the checks below.
const FALLBACK = {
  primaryColor: '#6C5CE7',
  secondaryColor: '#00CEC9',
  fontFamily: 'Avenir, Montserrat, Corbel, "URW Gothic", source-sans-pro, sans-serif',
  bannerGradient: 'linear-gradient(135deg, #6C5CE7 0%, #00CEC9 100%)',
};
const HEX = /^#[0-9A-Fa-f]{6}$/;
const HEX_ANYWHERE = /#[0-9A-Fa-f]{6}/g;
const SAFE_CSS = /^[A-Za-z0-9 ,"'#%().-]{1,200}$/;
const HERO_STYLES = ['split', 'centered', 'full-bleed', 'minimal'];

const sessionFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC',
});

function displayName(store) {
  const name = store.profile?.preferredName;
  if (typeof name === 'string' && name.trim()) return name;
  return String(store.slug ?? '').split('-').filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') || 'Your store';
}

function initials(name) {
  const letters = name.split(' ').map((w) => [...w].find((c) => /[\p{L}\p{N}]/u.test(c))).filter(Boolean).slice(0, 2);
  return letters.length ? letters.join('').toUpperCase() : '★';
}

function nicheLine(profile) {
  const niche = profile?.niche ? profile.niche[0].toUpperCase() + profile.niche.slice(1) : null;
  const parts = [niche, profile?.specialty].filter((p) => typeof p === 'string' && p.trim());
  return parts.length ? parts.join(' · ') : null;
}

function luminance(hex) {
  const channel = (start) => {
    const c = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Near-black or white, whichever reads better on the average of the colours (as ThemeCss.ReadableOn). */
function readableOn(colors) {
  if (colors.length === 0) return '#FFFFFF';
  const l = colors.reduce((sum, c) => sum + luminance(c), 0) / colors.length;
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.0556 ? '#FFFFFF' : '#111111';
}

export function themeVariables(theme = {}) {
  const primary = HEX.test(theme.primaryColor ?? '') ? theme.primaryColor : FALLBACK.primaryColor;
  const secondary = HEX.test(theme.secondaryColor ?? '') ? theme.secondaryColor : FALLBACK.secondaryColor;
  const font = SAFE_CSS.test(theme.fontFamily ?? '') ? theme.fontFamily : FALLBACK.fontFamily;
  const banner = SAFE_CSS.test(theme.bannerGradient ?? '') ? theme.bannerGradient : FALLBACK.bannerGradient;
  return {
    '--store-primary': primary,
    '--store-secondary': secondary,
    '--store-font': font,
    '--store-banner': banner,
    '--store-on-primary': readableOn([primary]),
    '--store-on-secondary': readableOn([secondary]),
    '--store-on-banner': readableOn(banner.match(HEX_ANYWHERE) ?? []),
  };
}

function publicUrl(store, previousUrl) {
  return safeUrl(store.url) ?? previousUrl ?? safeUrl(store.path ?? '', location.origin);
}

export function mountPreview(root) {
  const urlText = el('span', { className: 'avery-preview__url', text: '' });
  const openButton = el('button', {
    className: 'avery-button avery-button--secondary avery-button--small',
    text: 'Open ↗',
    attrs: { type: 'button', disabled: true, 'aria-label': 'Open your store in a new tab', 'data-testid': 'preview-open' },
    on: { click: () => { if (url) window.open(url, '_blank', 'noopener'); } },
  });
  const header = el('header', { className: 'avery-preview__header' },
    el('span', { className: 'avery-preview__label' }, el('span', { className: 'avery-preview__dot', attrs: { 'aria-hidden': 'true' } }), 'Live Preview'),
    urlText,
    openButton);
  const frame = el('div', { className: 'avery-preview__frame', attrs: { 'aria-busy': 'true' } });
  root.replaceChildren(el('div', { className: 'avery-preview' }, header, frame));

  let store = null;
  let url = null;
  let page = null;
  const sections = {};
  const signatures = {};
  const pulseTimers = new WeakMap();

  function skeleton() {
    frame.setAttribute('aria-busy', 'true');
    frame.replaceChildren(el('div', { className: 'avery-skeleton', attrs: { 'aria-label': 'Loading your store preview', role: 'img' } },
      el('div', { className: 'avery-skeleton__hero' }),
      el('div', { className: 'avery-skeleton__line' }),
      el('div', { className: 'avery-skeleton__line avery-skeleton__line--short' }),
      el('div', { className: 'avery-skeleton__cards' }, el('span'), el('span'), el('span'))));
  }

  function heroSection(s) {
    const name = displayName(s);
    const photo = safeUrl(s.profile?.photoUrl ?? '', location.origin);
    const avatar = photo
      ? el('img', { className: 'store-avatar', attrs: { src: photo, alt: `Photo of ${name}`, width: 160, height: 160 } })
      : el('span', { className: 'store-avatar store-avatar--initials', text: initials(name), attrs: { 'aria-hidden': 'true' } });
    const line = nicheLine(s.profile);
    const bio = s.profile?.bio;
    return el('header', { className: 'store-hero store-section', dataset: { testid: 'preview-hero', section: 'hero' } },
      el('div', { className: 'store-hero__inner' },
        avatar,
        el('div', { className: 'store-hero__text' },
          el('h2', { className: 'store-hero__name', text: name }),
          line ? el('p', { className: 'store-hero__niche', text: line }) : null,
          typeof bio === 'string' && bio.trim() ? el('p', { className: 'store-hero__bio', text: bio }) : el('p', { className: 'store-hero__bio store-placeholder', text: 'Your bio will appear here.' }),
          el('p', {}, el('span', { className: 'store-button', text: `Join ${name}` })))));
  }

  function pricingSection(s) {
    const name = displayName(s);
    const card = el('div', { className: 'store-card store-pricing' });
    if (s.price && typeof s.price.display === 'string') {
      card.append(el('p', { className: 'store-price', text: s.price.display }),
        el('p', { className: 'store-muted', text: `Monthly subscription to ${name}'s coaching, posts and live sessions.` }));
    } else {
      card.append(el('p', { className: 'store-muted', text: `${name} hasn't set a membership price yet.` }));
    }
    const members = Number(s.subscriberCount) || 0;
    if (members > 0) card.append(el('p', { className: 'store-muted', text: members === 1 ? '1 member has joined.' : `${members} members have joined.` }));
    card.append(el('p', {}, el('span', { className: 'store-button', text: 'Subscribe', attrs: { 'aria-disabled': 'true' } }), ' ', el('span', { className: 'store-badge', text: 'Coming soon' })));
    return el('section', { className: 'store-section', dataset: { testid: 'preview-pricing', section: 'pricing' } },
      el('h3', { className: 'store-section__title', text: 'Membership' }), card);
  }

  function sessionsSection(s) {
    const sessions = Array.isArray(s.liveSessions) ? s.liveSessions : [];
    const section = el('section', { className: 'store-section', dataset: { testid: 'preview-sessions', section: 'sessions' }, hidden: sessions.length === 0 },
      el('h3', { className: 'store-section__title', text: 'Upcoming live sessions' }));
    const list = el('ul', { className: 'store-sessions' });
    for (const session of sessions) {
      const starts = new Date(session.startsAt);
      const when = Number.isNaN(starts.getTime()) ? '' : `${sessionFormat.format(starts)} UTC`;
      list.append(el('li', { className: 'store-card store-session' },
        el('strong', { text: session.title ?? '' }),
        el('time', { className: 'store-muted', text: when, attrs: { datetime: Number.isNaN(starts.getTime()) ? null : starts.toISOString() } })));
    }
    section.append(list);
    return section;
  }

  function blogsSection(s) {
    const published = (Array.isArray(s.blogs) ? s.blogs : []).filter((b) => b.status === 'published');
    const section = el('section', { className: 'store-section', dataset: { testid: 'preview-blogs', section: 'blogs' } },
      el('h3', { className: 'store-section__title', text: 'From the blog' }));
    if (published.length === 0) {
      section.append(el('p', { className: 'store-muted', text: 'No posts yet. Check back soon.' }));
      return section;
    }
    const grid = el('div', { className: 'store-grid' });
    for (const blog of published) {
      const cover = safeUrl(blog.coverImageUrl ?? '', location.origin);
      const href = url && blog.slug ? safeUrl(`${url.replace(/\/$/, '')}/blog/${encodeURIComponent(blog.slug)}`) : null;
      const title = href
        ? el('a', { text: blog.title ?? '', attrs: { href, target: '_blank', rel: 'noopener' } })
        : document.createTextNode(blog.title ?? '');
      grid.append(el('article', { className: 'store-card store-post', dataset: { testid: 'preview-blog' } },
        cover ? el('img', { className: 'store-post__cover', attrs: { src: cover, alt: '', loading: 'lazy' } }) : el('span', { className: 'store-post__cover', attrs: { 'aria-hidden': 'true' } }),
        el('div', { className: 'store-post__body' },
          blog.category ? el('span', { className: 'store-category', text: blog.category }) : null,
          el('h4', { className: 'store-post__title' }, title),
          el('p', { className: 'store-muted' }, richText(blog.excerpt ?? '')))));
    }
    section.append(grid);
    return section;
  }

  const builders = { hero: heroSection, pricing: pricingSection, sessions: sessionsSection, blogs: blogsSection };

  function signature(name, s) {
    switch (name) {
      case 'hero': return JSON.stringify(s.profile ?? null);
      case 'pricing': return JSON.stringify([s.price ?? null, s.subscriberCount ?? 0]);
      case 'sessions': return JSON.stringify(s.liveSessions ?? []);
      default: return JSON.stringify((s.blogs ?? []).filter((b) => b.status === 'published'));
    }
  }

  function applyTheme(s) {
    const variables = themeVariables(s.theme);
    for (const [name, value] of Object.entries(variables)) page.style.setProperty(name, value);
    const heroStyle = HERO_STYLES.includes(s.theme?.heroStyle) ? s.theme.heroStyle : 'centered';
    for (const style of HERO_STYLES) page.classList.toggle(`store-hero--${style}`, style === heroStyle);
    page.dataset.template = typeof s.theme?.templateId === 'string' ? s.theme.templateId : '';
  }

  function renderSection(name, s) {
    const next = builders[name](s);
    sections[name].replaceWith(next);
    sections[name] = next;
    signatures[name] = signature(name, s);
  }

  function pulse(name) {
    const section = sections[name];
    if (!section || section.hidden) return;
    section.classList.remove('store-section--highlight');
    void section.offsetWidth; // restart the animation when updates come back to back
    section.classList.add('store-section--highlight');
    clearTimeout(pulseTimers.get(section));
    pulseTimers.set(section, setTimeout(() => section.classList.remove('store-section--highlight'), HIGHLIGHT_MS));
  }

  function setHeader(s) {
    url = publicUrl(s, url);
    urlText.textContent = url ? url.replace(/^https?:\/\//, '') : '';
    urlText.title = url ?? '';
    openButton.disabled = !url;
  }

  /** Draws the whole store (first load, or when the preview had nothing yet). */
  function render(s) {
    store = s;
    setHeader(s);
    page = el('div', { className: 'avery-store store-page' });
    const main = el('div', { className: 'store-main' });
    sections.hero = heroSection(s);
    sections.pricing = pricingSection(s);
    sections.sessions = sessionsSection(s);
    sections.blogs = blogsSection(s);
    for (const name of SECTIONS) signatures[name] = signature(name, s);
    main.append(sections.pricing, sections.sessions, sections.blogs);
    page.append(sections.hero, main);
    applyTheme(s);
    frame.removeAttribute('aria-busy');
    frame.replaceChildren(page);
  }

  /**
   * A store_preview_update: only the named sections are rebuilt and pulsed; "theme" re-themes
   * and rebuilds everything. The protocol has no field for live sessions, so that section is
   * rebuilt whenever its data changed.
   */
  function update(s, changedFields = []) {
    if (!store || !page) {
      render(s);
      return;
    }
    const fields = new Set(changedFields);
    store = s;
    setHeader(s);
    if (fields.has('theme')) {
      applyTheme(s);
      for (const name of SECTIONS) renderSection(name, s);
      for (const name of SECTIONS) pulse(name);
      return;
    }
    for (const name of ['hero', 'pricing', 'blogs']) {
      if (fields.has(name)) {
        renderSection(name, s);
        pulse(name);
      }
    }
    if (signature('sessions', s) !== signatures.sessions) {
      renderSection('sessions', s);
      pulse('sessions');
    }
  }

  function showError(message, retry) {
    frame.removeAttribute('aria-busy');
    frame.replaceChildren(el('div', { className: 'avery-preview__error' },
      el('p', { text: message }),
      retry ? el('button', { className: 'avery-button avery-button--secondary', text: 'Try again', attrs: { type: 'button' }, on: { click: retry } }) : null));
  }

  skeleton();
  return {
    render,
    update,
    showError,
    skeleton,
    get hasStore() {
      return store !== null;
    },
  };
}
