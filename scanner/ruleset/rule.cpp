// Enum <-> string conversions and the fixed vocabularies of the rule model (see rule.h).
#include "ruleset/rule.h"

namespace aaiscan {
namespace {

template <typename E, size_t N>
std::optional<E> lookup(const std::array<std::string_view, N>& names, std::string_view text) {
    for (size_t i = 0; i < N; ++i) {
        if (names[i] == text) return static_cast<E>(i);
    }
    return std::nullopt;
}

constexpr std::array<std::string_view, 5> k_severity_names = {"info", "low", "medium", "high",
                                                              "critical"};
constexpr std::array<std::string_view, 3> k_category_names = {"secret", "pii", "config"};
constexpr std::array<std::string_view, k_scope_count> k_scope_names = {
    "code", "config", "env", "ci", "bundle", "transcript"};
constexpr std::array<std::string_view, 4> k_condition_names = {"not_ignored", "tracked", "exists",
                                                               "env_ignore_missing"};

}  // namespace

std::string_view to_string(Severity s) { return k_severity_names[static_cast<size_t>(s)]; }
std::string_view to_string(Category c) { return k_category_names[static_cast<size_t>(c)]; }
std::string_view to_string(Scope s) { return k_scope_names[static_cast<size_t>(s)]; }
std::string_view to_string(FileCondition c) { return k_condition_names[static_cast<size_t>(c)]; }

std::optional<Severity> parse_severity(std::string_view t) { return lookup<Severity>(k_severity_names, t); }
std::optional<Category> parse_category(std::string_view t) { return lookup<Category>(k_category_names, t); }
std::optional<Scope> parse_scope(std::string_view t) { return lookup<Scope>(k_scope_names, t); }
std::optional<FileCondition> parse_file_condition(std::string_view t) {
    return lookup<FileCondition>(k_condition_names, t);
}

const std::vector<std::string_view>& known_pii_policies() {
    static const std::vector<std::string_view> policies = {
        "account_number",     "banking_information",   "blood_type",
        "credit_card_cvv",    "credit_card_expiration", "credit_card_number",
        "date",               "date_interval",         "date_of_birth",
        "drivers_license",    "drug",                  "duration",
        "email_address",      "event",                 "filename",
        "gender_sexuality",   "healthcare_number",     "injury",
        "ip_address",         "language",              "location",
        "marital_status",     "medical_condition",     "medical_process",
        "money_amount",       "nationality",           "number_sequence",
        "occupation",         "organization",          "passport_number",
        "password",           "person_age",            "person_name",
        "phone_number",       "physical_attribute",    "political_affiliation",
        "religion",           "statistics",            "time",
        "url",                "us_social_security_number", "username",
        "vehicle_id",         "zodiac_sign"};
    return policies;
}

const std::vector<std::string_view>& known_checklist_items() {
    static const std::vector<std::string_view> items = {
        "keys-in-env", "env-ignored", "separate-keys",  "temp-tokens-browser", "pii-redaction",
        "retention",   "content-safety", "webhook-auth", "ci-secrets"};
    return items;
}

}  // namespace aaiscan
