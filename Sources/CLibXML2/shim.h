#ifndef INVOICERUN_CLIBXML2_SHIM_H
#define INVOICERUN_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, so encoding.h would include the system's <unicode/ucnv.h>.
// Its UErrorCode clashes with Foundation's bundled ICU in any module that sees both (tests with
// `@testable import` plus Foundation). Nothing here touches the ICU-dependent fields of
// xmlCharEncodingHandler, so the headers are read as if ICU were off; the library is unchanged.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/globals.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

// xmlFree is a global function-pointer variable; Swift 6 refuses to call it directly.
static inline void invoicerun_xmlFree(void *p) { xmlFree(p); }

// Swift cannot define C variadic functions, so the sink for libxml2's printf-style generic error
// channel lives here. It drops everything: every message we care about also reaches the
// structured handlers, and the generic channel would otherwise print to stderr.
static inline void invoicerun_discardGenericError(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

// Silences the generic error channel for the calling thread (libxml2 keeps it per thread).
static inline void invoicerun_silenceGenericErrors(void) {
    xmlSetGenericErrorFunc(NULL, invoicerun_discardGenericError);
}

// Silences the generic error channel for threads whose libxml2 globals are created later.
static inline void invoicerun_silenceGenericErrorsForNewThreads(void) {
    xmlThrDefSetGenericErrorFunc(NULL, invoicerun_discardGenericError);
}

#endif
