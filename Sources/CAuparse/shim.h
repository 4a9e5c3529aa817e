#ifndef SVIRT_TRACE_CAUPARSE_SHIM_H
#define SVIRT_TRACE_CAUPARSE_SHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE  /* dladdr */
#endif
#include <dlfcn.h>
#include <auparse.h>
#include <libaudit.h>

/* The file the dynamic loader loaded libauparse from (the object holding auparse_init), or NULL. */
static inline const char *svirt_trace_auparse_object(void) {
    Dl_info info;
    if (dladdr((void *)auparse_init, &info) != 0 && info.dli_fname != NULL) return info.dli_fname;
    return NULL;
}
#endif
