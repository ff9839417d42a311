// Unit tests for validate/word_shape: names built of words are not credentials; random strings are.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "validate/word_shape.h"

using namespace aaiscan;

TEST_CASE("looks_like_words: identifiers, header names and enum values") {
    for (const char* s : {"exchangeRecaptchaV3Token", "x-aws-ec2-metadata-token", "x-aws-ec2-metadata-token-ttl-seconds",
                          "identitytoolkit#ResetPasswordResponse", "HTTPServerErrorHandler", "refresh_token_rotation",
                          "com.example.auth.TokenStore", "AWSCredentialsProvider", "passwordResetRequest",
                          "refresh|access|id_token", "fetchUser,updateUser,deleteUser"}) {
        CAPTURE(s);
        CHECK(looks_like_words(s));
    }
}

TEST_CASE("looks_like_words: credentials and random strings are not words") {
    for (const char* s : {"Zx81Qm4nT2vR9pLs6wKd0yHc", "p4Nq8TzR2mXw6vKs1bLd9Hfy", "Hq7#vR2!mLx9Tz", "Lq4vN8xTz2Rk7Wm1",
                          "Vn3kW8qZ5rTx", "kqzmxt4bnvwp7rhl", "MyS3cretPassw0rd", "Summer2024Holiday",
                          "django-insecure-7k$w2@x9#q!m5z^p8v&n3b(r1t)", "dGhpc2lzYXNlY3JldA", "token",
                          "33a647dc29512e85e658d5cd34b8f298"}) {
        CAPTURE(s);
        CHECK_FALSE(looks_like_words(s));
    }
}

TEST_CASE("looks_like_words: almost never true for random tokens") {
    std::mt19937 rng(20261129);
    const std::string alphabets[] = {
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",  // base62
        "abcdefghijklmnopqrstuvwxyz0123456789",                            // lower-case alphanumeric
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",            // letters only
    };
    for (const std::string& alphabet : alphabets) {
        std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
        std::uniform_int_distribution<size_t> length(16, 40);
        int words = 0;
        const int trials = 20000;
        for (int t = 0; t < trials; ++t) {
            std::string token(length(rng), ' ');
            for (char& c : token) c = alphabet[pick(rng)];
            if (looks_like_words(token)) {
                ++words;
                UNSCOPED_INFO(token);
            }
        }
        CAPTURE(alphabet);
        CHECK(words * 500 < trials);  // fewer than 0.2% of random tokens look like words (seen: 0.02%, 0%, 0.09%)
    }
}

TEST_CASE("looks_like_keyboard_mash: home-row filler tokens from documentation") {
    for (const char* s : {"sdf0o9823sjdfsdf", "lsdajfh923874", "askfjh234as9sd8", "2kjshdfp92i34asdasd"}) {
        CAPTURE(s);
        CHECK(looks_like_keyboard_mash(s));
    }
    for (const char* s : {"kjerht2309u", "Zx81Qm4nT2vR9pLs6wKd0yHc", "p4nq8tzr2mxw6vks1bld9hfy", "33a647dc29512e85e658d5cd34b8f298",
                          "sdfg1234", "ASDFGHJKLASD"}) {
        CAPTURE(s);
        CHECK_FALSE(looks_like_keyboard_mash(s));
    }
}

TEST_CASE("looks_like_keyboard_mash: rare for random lower-case tokens") {
    std::mt19937 rng(1129);
    const std::string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
    int mash = 0;
    const int trials = 20000;
    for (int t = 0; t < trials; ++t) {
        std::string token(16, ' ');
        for (char& c : token) c = alphabet[pick(rng)];
        mash += looks_like_keyboard_mash(token) ? 1 : 0;
    }
    CHECK(mash * 200 < trials);  // fewer than 0.5% of random 16-character tokens (seen: 0.26%)
}
