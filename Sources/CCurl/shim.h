#ifndef HUMAS_CCURL_SHIM_H
#define HUMAS_CCURL_SHIM_H
#include <curl/curl.h>

// Swift cannot call C variadic functions, and curl_easy_setopt/curl_easy_getinfo are variadic:
// these typed wrappers pass each kind of argument the way libcurl's documentation says that
// option expects it (a long, a C string, a pointer, a callback).

static inline CURLcode humas_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode humas_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode humas_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode humas_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode humas_curl_setopt_mime(CURL *handle, curl_mime *mime) {
    return curl_easy_setopt(handle, CURLOPT_MIMEPOST, mime);
}

static inline CURLcode humas_curl_setopt_debug_function(CURL *handle, curl_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

static inline CURLcode humas_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

// A macro Swift does not import (it combines other macros).
static const long humas_curl_global_default = CURL_GLOBAL_DEFAULT;

#endif
