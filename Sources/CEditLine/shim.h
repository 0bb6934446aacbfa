// libedit's readline-compatible API. Never include GNU <readline/readline.h>: its declarations
// do not match libedit's library.
#include <stdio.h>
#include <editline/readline.h>

// Swift 6 forbids assigning C globals directly under strict concurrency; these setters do it.
static inline void assay_set_completion(char **(*fn)(const char *, int, int)) {
    rl_attempted_completion_function = (rl_completion_func_t *)fn;
}
static inline void assay_set_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void assay_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void assay_set_basic_word_break_characters(const char *chars) {
    rl_basic_word_break_characters = (char *)chars;
}
static inline const char *assay_line_buffer(void) { return rl_line_buffer; }
static inline int assay_point(void) { return rl_point; }
