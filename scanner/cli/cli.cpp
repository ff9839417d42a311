// Top-level argument parsing and error handling (see cli.h).
#include "cli/cli.h"

#include <iostream>

#include "cli/commands.h"
#include "util/error.h"
#include "util/escape.h"

namespace aaiscan {

int run_cli(int argc, char** argv) {
    CLI::App app{"aaiscan: finds AssemblyAI keys, exposed .env files and residual PII in code and transcripts",
                 "aaiscan"};
    app.require_subcommand(1);
    app.set_version_flag("-V,--version", std::string("aaiscan ") + AAISCAN_VERSION);
    app.footer("Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage/config/rule error or "
               "something could not be scanned.");
    CommandSlot slot;
    // argv[0] is reported as "aaiscan": reports must not depend on where the binary lives.
    slot.argv.emplace_back("aaiscan");
    for (int i = 1; i < argc; ++i) slot.argv.emplace_back(argv[i]);
    add_scan_command(app, slot);
    add_rules_command(app, slot);
    add_redact_command(app, slot);
    add_checklist_command(app, slot);
    add_baseline_command(app, slot);
    add_install_hook_command(app, slot);
    add_version_command(app, slot);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "aaiscan: error: " << escape_for_terminal(e.what()) << "\n";
        std::cerr << "Run 'aaiscan --help' (or 'aaiscan COMMAND --help') for usage.\n";
        return 2;
    }
    try {
        return slot.run ? slot.run() : 2;
    } catch (const Error& e) {
        std::cerr << "aaiscan: error: " << escape_for_terminal(e.what()) << '\n';
        return 2;
    } catch (const FatalError& e) {
        std::cerr << "aaiscan: internal error: " << escape_for_terminal(e.what()) << '\n';
        return 2;
    } catch (const std::bad_alloc&) {
        std::cerr << "aaiscan: error: out of memory\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "aaiscan: internal error: " << escape_for_terminal(e.what()) << '\n';
        return 2;
    }
}

}  // namespace aaiscan
