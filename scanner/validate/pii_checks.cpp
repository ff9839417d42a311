// The PII validator registry and the helpers the PII families share (see pii_checks.h).
#include "validate/pii_checks.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "util/strings.h"
#include "validate/pii_national_ids.h"

namespace aaiscan {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Digit value of a spoken digit word, -1 when it is not one.
int digit_word(std::string_view w) {
    static constexpr std::array<std::string_view, 10> k_words = {"zero", "one", "two",   "three", "four",
                                                                 "five", "six", "seven", "eight", "nine"};
    for (size_t i = 0; i < k_words.size(); ++i) {
        if (w == k_words[i]) return static_cast<int>(i);
    }
    if (w == "oh" || w == "o") return 0;
    return -1;
}

}  // namespace

bool is_redaction_mark(std::string_view value) {
    // Trim surrounding punctuation a transcript may attach ("[PERSON_NAME]," or "####.").
    while (!value.empty() && (value.back() == '.' || value.back() == ',' || value.back() == '!' ||
                              value.back() == '?' || value.back() == ';' || value.back() == ':')) {
        value.remove_suffix(1);
    }
    if (value.empty()) return false;
    if (value.front() == '[' && value.back() == ']' && value.size() > 2) {
        for (char c : value.substr(1, value.size() - 2)) {
            if (!((c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9'))) return false;
        }
        return true;
    }
    size_t hashes = 0;
    for (char c : value) {
        if (c == '#') {
            ++hashes;
        } else if (c != '-' && c != ' ' && c != '.' && c != '/' && c != '(' && c != ')' && c != '@' && c != '+') {
            return false;
        }
    }
    return hashes > 0;
}

bool extract_digits(std::string_view value, std::string& digits) {
    digits.clear();
    int repeat = 1;
    size_t i = 0;
    while (i < value.size()) {
        char c = value[i];
        if (c >= '0' && c <= '9') {
            digits.append(static_cast<size_t>(repeat), c);
            repeat = 1;
            ++i;
        } else if (c == ' ' || c == '-' || c == '.' || c == ',' || c == '(' || c == ')' || c == '+' || c == '/' ||
                   c == '\t') {
            ++i;
        } else if (is_alpha(c)) {
            size_t j = i;
            std::string word;
            while (j < value.size() && is_alpha(value[j])) word.push_back(lower(value[j++]));
            i = j;
            if (word == "double") {
                repeat = 2;
                continue;
            }
            if (word == "triple") {
                repeat = 3;
                continue;
            }
            int d = digit_word(word);
            if (d < 0) return false;
            digits.append(static_cast<size_t>(repeat), static_cast<char>('0' + d));
            repeat = 1;
        } else {
            return false;
        }
    }
    return !digits.empty();
}

std::string lowered_text_before(const ValidationContext& context, size_t reach) {
    size_t begin = std::min(context.match_begin, context.text.size());
    size_t from = begin > reach ? begin - reach : 0;
    return to_lower_ascii(context.text.substr(from, begin - from));
}

bool any_cue_before(const ValidationContext& context, size_t reach, std::initializer_list<std::string_view> cues) {
    std::string window = lowered_text_before(context, reach);
    for (std::string_view cue : cues) {
        if (window.find(cue) != std::string::npos) return true;
    }
    return false;
}

bool has_reference_cue_before(const ValidationContext& context, std::string_view secret) {
    size_t begin = context.match_begin;
    const char* text = context.text.data();
    if (secret.data() >= text && secret.data() <= text + context.text.size()) {
        begin = static_cast<size_t>(secret.data() - text);
    }
    if (begin > context.text.size()) return false;
    if (begin > 0 && context.text[begin - 1] == '$') return true;  // a price
    // The words just before the value, last first: "order number is", "your case # is".
    size_t from = begin > 64 ? begin - 64 : 0;
    std::string_view window = context.text.substr(from, begin - from);
    // Words before the value, nearest first, up to the end of the previous clause ('?', '!', '. '
    // except after an abbreviation such as "no.").
    std::vector<std::string> words;
    size_t i = window.size();
    while (i > 0 && words.size() < 5) {
        char c = window[i - 1];
        if (is_alpha(c) || c == '#' || c == '\'') {
            size_t end = i;
            while (i > 0 && (is_alpha(window[i - 1]) || window[i - 1] == '#' || window[i - 1] == '\'')) --i;
            std::string w(window.substr(i, end - i));
            for (char& ch : w) ch = lower(ch);
            words.push_back(std::move(w));
            continue;
        }
        if (c == '?' || c == '!' || c == '\n') break;
        if (c == '.' && i < window.size() && window[i] == ' ') {
            size_t k = i - 1;
            size_t word_end = k;
            while (k > 0 && is_alpha(window[k - 1])) --k;
            std::string before(window.substr(k, word_end - k));
            for (char& ch : before) ch = lower(ch);
            if (before != "no" && before != "ref" && before != "num" && before != "acct") break;
        }
        --i;
    }
    // Also the Spanish, German, French, Portuguese, Italian and Dutch words around a number
    // ("el numero de pedido es", "die Bestellnummer lautet", "le numero de dossier est"); words are
    // ASCII letters, so an accented "numero" reads as "mero".
    static constexpr std::array<std::string_view, 36> k_skip = {
        "is", "was", "are", "number", "no", "num", "#", "id", "code", "the", "a", "it's", "its", "be", "reads",
        "es", "de", "del", "el", "la", "mero", "numero", "ist", "lautet", "der", "die", "das", "nummer", "est", "le",
        "du", "do", "da", "di", "il", "van"};
    static constexpr std::array<std::string_view, 22> k_owners = {
        "my", "your", "his", "her", "our", "their", "me", "him", "mi", "su", "mein", "meine", "ihre", "mon", "ma",
        "votre", "meu", "minha", "seu", "sua", "mio", "mijn"};
    static constexpr std::array<std::string_view, 59> k_cues = {
        "order", "invoice", "tracking", "ticket", "case", "confirmation", "reference", "ref", "receipt",
        "transaction", "serial", "model", "version", "part", "sku", "item", "flight", "room", "zip", "postal",
        "claim", "booking", "reservation", "shipment", "package", "batch", "lot", "po", "quote", "build",
        // es / pt / it
        "pedido", "factura", "fatura", "referencia", "expediente", "vuelo", "voo", "volo", "reserva", "encomenda",
        "protocolo", "ordine", "fattura", "pratica", "prenotazione",
        // de / nl (compound words)
        "bestellnummer", "rechnungsnummer", "auftragsnummer", "buchungsnummer", "vorgangsnummer", "aktenzeichen",
        "flugnummer", "bestelnummer", "factuurnummer", "dossiernummer", "ordernummer",
        // fr
        "commande", "facture", "dossier"};
    for (const std::string& w : words) {
        if (std::find(k_skip.begin(), k_skip.end(), w) != k_skip.end()) continue;
        if (std::find(k_owners.begin(), k_owners.end(), w) != k_owners.end()) return false;
        return std::find(k_cues.begin(), k_cues.end(), w) != k_cues.end();
    }
    return false;
}

bool validate_not_redacted(std::string_view secret, const ValidationContext&) { return !is_redaction_mark(secret); }

const std::vector<ValidatorEntry>& pii_validators() {
    static const std::vector<ValidatorEntry> entries = {
        {"credit_card", &validate_credit_card},
        {"ssn", &validate_ssn},
        {"aba_routing", &validate_aba_routing},
        {"iban", &validate_iban},
        {"npi", &validate_npi},
        {"vin", &validate_vin},
        {"mbi", &validate_mbi},
        {"id_number", &validate_id_number},
        {"bank_account", &validate_bank_account},
        {"health_member_id", &validate_health_member_id},
        {"card_cvv", &validate_card_cvv},
        {"license_plate", &validate_license_plate},
        {"phone", &validate_phone},
        {"phone_national", &validate_phone_national},
        {"phone_cued", &validate_phone_cued},
        {"national_id", &validate_national_id},
        {"es_dni", &validate_es_dni},
        {"it_codice_fiscale", &validate_it_codice_fiscale},
        {"br_cpf", &validate_br_cpf},
        {"fr_nir", &validate_fr_nir},
        {"de_tax_id", &validate_de_tax_id},
        {"de_pension_number", &validate_de_pension_number},
        {"nl_bsn", &validate_nl_bsn},
        {"pt_nif", &validate_pt_nif},
        {"uk_nino", &validate_uk_nino},
        {"email", &validate_email},
        {"ipv4", &validate_ipv4},
        {"ipv6", &validate_ipv6},
        {"url", &validate_url},
        {"birth_date", &validate_birth_date},
        {"card_expiry", &validate_card_expiry},
        {"person_name", &validate_person_name},
        {"person_name_answer", &validate_person_name_answer},
        {"person_name_given", &validate_person_name_given},
        {"person_name_role", &validate_person_name_role},
        {"person_name_spelled", &validate_person_name_spelled},
        {"person_name_spelling", &validate_person_name_spelling},
        {"person_name_lowercase", &validate_person_name_lowercase},
        {"password", &validate_password},
        {"username", &validate_username},
        {"username_handle", &validate_username_handle},
        {"not_redacted", &validate_not_redacted},
    };
    return entries;
}

}  // namespace aaiscan
