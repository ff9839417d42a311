// Blob reading through the object database (see git_objects.h).
#include "source/git_objects.h"

#include <git2.h>

#include "source/git_repo.h"

namespace aaiscan {

std::string GitOid::hex() const {
    static constexpr char k_digits[] = "0123456789abcdef";
    std::string out(40, '0');
    for (size_t i = 0; i < bytes.size(); ++i) {
        out[2 * i] = k_digits[bytes[i] >> 4];
        out[2 * i + 1] = k_digits[bytes[i] & 0xF];
    }
    return out;
}

GitObjectReader::GitObjectReader(GitRepo& repo) {
    git_odb* odb = nullptr;
    if (git_repository_odb(&odb, static_cast<git_repository*>(repo.raw())) != 0) {
        m_error = last_git_error("cannot open the object database");
        return;
    }
    m_odb = odb;
}

GitObjectReader::GitObjectReader(const std::string& git_dir) {
    ensure_libgit2();
    git_repository* repo = nullptr;
    if (git_repository_open(&repo, git_dir.c_str()) != 0) {
        m_error = last_git_error("cannot open the git repository");
        return;
    }
    m_owned_repo = repo;
    git_odb* odb = nullptr;
    if (git_repository_odb(&odb, repo) != 0) {
        m_error = last_git_error("cannot open the object database");
        return;
    }
    m_odb = odb;
}

GitObjectReader::~GitObjectReader() {
    if (m_odb) git_odb_free(static_cast<git_odb*>(m_odb));
    if (m_owned_repo) git_repository_free(static_cast<git_repository*>(m_owned_repo));
}

BlobStatus GitObjectReader::read_blob(const GitOid& oid, uint64_t max_size, std::string& out, uint64_t& size,
                                      bool size_first) {
    auto* odb = static_cast<git_odb*>(m_odb);
    git_oid id;
    std::copy(oid.bytes.begin(), oid.bytes.end(), id.id);
    if (size_first) {
        size_t length = 0;
        git_object_t type = GIT_OBJECT_INVALID;
        if (git_odb_read_header(&length, &type, odb, &id) != 0) {
            m_error = "cannot read object " + oid.hex() + ": " + last_git_error("not found");
            return BlobStatus::unreadable;
        }
        size = length;
        if (type != GIT_OBJECT_BLOB) {
            m_error = "object " + oid.hex() + " is not a blob";
            return BlobStatus::unreadable;
        }
        if (length > max_size) return BlobStatus::too_large;
    }
    git_odb_object* object = nullptr;
    if (git_odb_read(&object, odb, &id) != 0) {
        m_error = "cannot read object " + oid.hex() + ": " + last_git_error("corrupt");
        return BlobStatus::unreadable;
    }
    size = git_odb_object_size(object);
    BlobStatus status = BlobStatus::ok;
    if (git_odb_object_type(object) != GIT_OBJECT_BLOB) {
        m_error = "object " + oid.hex() + " is not a blob";
        status = BlobStatus::unreadable;
    } else if (size > max_size) {
        status = BlobStatus::too_large;
    } else {
        out.assign(static_cast<const char*>(git_odb_object_data(object)), size);
    }
    git_odb_object_free(object);
    return status;
}

}  // namespace aaiscan
