// Package publishtest tests the web server configurations of
// docs/publishing/ on the demo site, the repository's root, built under
// /thidua/: a real nginx (and Apache, when installed) serves it from the
// documented file and a crawler follows every link, asset, feed entry,
// sitemap URL and og:image, checking status, Content-Type, the 404 page,
// gzip and caching. It also checks that docs/publishing.md quotes those
// files as they are.
package publishtest
