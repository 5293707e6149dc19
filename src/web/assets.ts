/**
 * The dashboard's only script, served as /assets/app.js (the pages work
 * without it): copy buttons for paste-ready text.
 */
export const APP_JS = `
document.querySelectorAll('[data-copy]').forEach(function (pre) {
  var b = document.createElement('button');
  b.type = 'button';
  b.className = 'secondary';
  b.textContent = 'Copy to clipboard';
  b.addEventListener('click', function () {
    navigator.clipboard.writeText(pre.textContent || '').then(function () { b.textContent = 'Copied'; });
  });
  pre.parentNode.insertBefore(b, pre);
});
`;
