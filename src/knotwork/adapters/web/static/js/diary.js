// The Diary forms: say the browser's own time zone, so "08:30" means 08:30 where the person
// is. Without this script the server's zone (KNOTWORK_TIMEZONE) is used.
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (zone) {
  for (const input of document.querySelectorAll('input[name="zone"][data-browser-zone="yes"]')) {
    input.value = zone;
  }
}
