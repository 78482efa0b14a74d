/* Text size and contrast chosen by the visitor, applied before the page paints (a file, not an
   inline script: cached pages carry no per-visitor CSP nonce; issue 19). "js" tells the
   stylesheet that display_tools.js will run, so the phone menu may start collapsed (issue 16). */
(function(h){h.classList.add("js");try{var s=localStorage.getItem("portal-text-size");if(s)h.setAttribute("data-text-size",s);if(localStorage.getItem("portal-contrast")==="high")h.classList.add("high-contrast")}catch(e){}})(document.documentElement)
