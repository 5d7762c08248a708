/* The baseline of the batch benchmark: libyaml's own event parser over the same files, reading
   each file into memory and pulling every event, as fast as anything that reads YAML can go.
   Paths come one per line on standard input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

int main(void) {
    char path[4096];
    static unsigned char buf[1 << 20];
    long files = 0, events = 0, failures = 0;
    while (fgets(path, sizeof path, stdin)) {
        path[strcspn(path, "\n")] = 0;
        FILE *f = fopen(path, "rb");
        if (!f) { failures++; continue; }
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        yaml_parser_t p;
        yaml_event_t e;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_string(&p, buf, n);
        for (;;) {
            if (!yaml_parser_parse(&p, &e)) { failures++; break; }
            int done = e.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&e);
            events++;
            if (done) break;
        }
        yaml_parser_delete(&p);
        files++;
    }
    fprintf(stderr, "%ld files, %ld events, %ld failures\n", files, events, failures);
    return failures != 0;
}
