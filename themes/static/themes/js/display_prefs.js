/* Text size and contrast chosen by the visitor, applied before the page paints (a file, not an
   inline script: cached pages carry no per-visitor CSP nonce; issue 19). */
(function(h){try{var s=localStorage.getItem("portal-text-size");if(s)h.setAttribute("data-text-size",s);if(localStorage.getItem("portal-contrast")==="high")h.classList.add("high-contrast")}catch(e){}})(document.documentElement)
