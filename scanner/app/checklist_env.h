// The `separate-keys` item: which environment an env file belongs to (`.env.production` ->
// production), the secret-like assignments in it (kept only as SHA-256 hashes, never as values),
// and the same value appearing in the env files of different environments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aaiscan {

struct EnvAssignment {
    std::string name;        // variable name
    std::string value_hash;  // sha256 hex of the value; the value itself is not kept
    size_t line = 0;
};

struct EnvFile {
    std::string path;         // display path
    std::string environment;  // normalised environment name (see environment_of_env_file)
    std::vector<EnvAssignment> assignments;
};

// The environment an env file configures, from its base name: `.env` -> "default", `.env.local`
// -> "local", `.env.production.local` and `prod.env` -> "production", `.env.dev` ->
// "development". Templates (`.env.example`, `.env.sample`, ...) give "" (not compared).
std::string environment_of_env_file(std::string_view basename);

// The assignments of `text` (dotenv syntax: `KEY=value`, `export KEY="value"`, comments) whose
// name looks like a credential (KEY, TOKEN, SECRET, PASSWORD, ...) or whose value looks like an
// AssemblyAI key (32 hex digits), skipping references (`$X`, `${X}`) and placeholders.
std::vector<EnvAssignment> parse_env_assignments(std::string_view text);

// A value shared by env files of more than one environment.
struct SharedEnvValue {
    struct Place {
        std::string path;
        std::string environment;
        std::string name;
        size_t line = 0;
    };
    std::vector<Place> places;  // in input order; at least two environments among them
};

// Every value that occurs in files of two or more different environments.
std::vector<SharedEnvValue> find_shared_env_values(const std::vector<EnvFile>& files);

}  // namespace aaiscan
