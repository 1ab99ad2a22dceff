// Package lighttest tests how light the pages of the demo site are for a
// citizen on a phone, as issue 18 asks: the demo built with its text files
// precompressed and served with those twins, as nginx's gzip_static and
// brotli_static serve them; the bytes Chromium transfers for a page with
// and without charts; and Lighthouse's mobile performance score.
package lighttest
