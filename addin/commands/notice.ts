// The small dialog the ribbon command opens to say what needs the clerk's attention.

Office.onReady(() => {
  const text = new URLSearchParams(window.location.search).get('text') ?? '';
  (document.getElementById('text') as HTMLParagraphElement).textContent = text;
  document.getElementById('close')?.addEventListener('click', () => Office.context.ui.messageParent('close'));
});
