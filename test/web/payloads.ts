/**
 * Hostile strings fed through every source the dashboard shows. Each one
 * would run script if it reached the page unescaped; the DOM check in the
 * tests looks for the elements and attributes they would create.
 */
export const P = {
  script: '<script>window.__xss=1;alert(1)</script>',
  img: '"><img src=x onerror="window.__xss=2">',
  attr: '" onload="window.__xss=3" data-x="',
  svg: '<svg onload="window.__xss=5"></svg>',
  js: 'javascript:window.__xss=4',
  jsSlashes: 'javascript://x/%0Awindow.__xss=6',
} as const;

export const SECRET = 'sup3r-s3cret-pa55word-7781';

const q = (s: string) => JSON.stringify(s);

/** A Glance config whose every free-text value is a payload. */
export function hostileConfig(): string {
  return `team: glance
people:
  ptl:
    name: ${q(`Ptl ${P.img}`)}
  liaisons:
    - name: ${q(`Liaison ${P.script}`)}
mail:
  smtp-url: smtp://liaison@mail.example.org:587
deadlines:
  - id: xss-one
    title: ${q(`Deadline one ${P.script}`)}
    when: R-17
    owner: ${q(`owner ${P.attr}`)}
    description: ${q(`Described ${P.svg}`)}
    url: ${q(P.js)}
  - id: xss-two
    title: ${q(`Deadline two ${P.img}`)}
    when: R-16
    url: ${q(P.jsSlashes)}
checklists:
  items:
    - id: xss-item
      phase: m1
      title: ${q(`Item ${P.svg}${P.attr}`)}
      due: R-17
      owner: ${q(`Owner ${P.img}`)}
      link: ${q(P.js)}
      description: ${q(`Item text ${P.script}`)}
`;
}

/** Evaluated in the page (plain JS, the test process has no DOM types): what an injected payload would have left behind. */
export const DOM_FINDINGS = `(() => {
  const found = [];
  if (window.__xss !== undefined) found.push('window.__xss = ' + String(window.__xss));
  for (const s of document.querySelectorAll('script')) {
    if (!s.src.endsWith('/assets/app.js')) found.push('script element: ' + s.outerHTML.slice(0, 80));
  }
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(el.tagName + ' has ' + a.name);
      if ((a.name === 'href' || a.name === 'src' || a.name === 'action') && /^\\s*javascript:/i.test(a.value)) found.push(el.tagName + ' ' + a.name + '=' + a.value);
    }
  }
  if (document.querySelector('img, iframe, object, embed')) found.push('unexpected img/iframe/object/embed');
  return found;
})()`;
