#ifndef TENBOARD_CNCURSESW_SHIM_H
#define TENBOARD_CNCURSESW_SHIM_H
// The only C in tenboard. Swift imports ncurses functions directly, but not function-like macros
// (A_BOLD, COLOR_PAIR's macro form) and, in language mode 6, not mutable C globals (stdscr, LINES,
// COLS, COLORS are "not concurrency-safe" errors, like swift#75601 for stderr). Each of those is
// wrapped below in a prefixed `static inline` accessor that TenBoardTerminal's one curses file uses.

// The wide-character API (cchar_t, wadd_wch, wget_wch, setcchar) is only declared with this set.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <sys/ioctl.h>
#include <unistd.h>

// Globals: reading them through a function keeps Swift's strict concurrency checking quiet and
// always sees the value ncurses last wrote (after initscr, resizeterm…).
static inline WINDOW *tb_stdscr(void) { return stdscr; }
static inline int tb_lines(void) { return LINES; }
static inline int tb_cols(void) { return COLS; }
static inline int tb_colors(void) { return COLORS; }
static inline int tb_color_pairs(void) { return COLOR_PAIRS; }

// initscr() exits the process when the terminal is unknown; newterm() returns NULL instead, so
// tenboard can say what is wrong. stdout and stdin are globals Swift 6 will not touch either.
static inline SCREEN *tb_newterm(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen != NULL) set_term(screen);
    return screen;
}

// The size the tty has now (ioctl is variadic, which Swift cannot call). ncurses learns of a
// resize through SIGWINCH; comparing each tick catches a signal that arrived at a bad moment.
static inline int tb_terminal_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

// Attributes: macros built with NCURSES_BITS, invisible to Swift.
static inline attr_t tb_a_normal(void) { return A_NORMAL; }
static inline attr_t tb_a_bold(void) { return A_BOLD; }
static inline attr_t tb_a_dim(void) { return A_DIM; }
static inline attr_t tb_a_reverse(void) { return A_REVERSE; }
static inline attr_t tb_a_underline(void) { return A_UNDERLINE; }

// The macro form of COLOR_PAIR, so attributes can be combined without a call into the library.
static inline attr_t tb_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

// wcwidth is in <wchar.h> only with _XOPEN_SOURCE, which Glibc's Swift module does not set. The
// curses layer uses it to check that ncurses agrees with tenboard's own width of a cell.
static inline int tb_wcwidth(wchar_t c) { return wcwidth(c); }

// The character set of the locale set by setlocale(LC_ALL, ""): "UTF-8" decides Unicode vs ASCII.
static inline const char *tb_codeset(void) { return nl_langinfo(CODESET); }

#endif
