// Package sitetest tests the built-in theme on the demo site at the root of
// the repository: in a real Chromium (charts drawn, no errors, no request
// to another host, accessibility with axe-core, screenshots for people to
// look at) and in the built files (the size of the theme's CSS and
// JavaScript, the chart scripts only where there is a chart).
package sitetest
