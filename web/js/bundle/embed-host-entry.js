// Entry of dist/embed-host.js: only the parent side of iframe mode (auto-height), for pages that
// embed widgets through <iframe src="…/embed.html?…"> without loading the whole bundle.
import { startIframeHost } from './iframe-host.js';

startIframeHost();
