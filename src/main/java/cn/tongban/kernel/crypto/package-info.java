/**
 * 商用密码 for the whole platform (issue #3): {@link cn.tongban.kernel.crypto.Sm3} (GB/T 32905-2016) for digests
 * such as the audit log's hash chain, and {@link cn.tongban.kernel.crypto.PersonalDataCipher} — SM4
 * (GB/T 32907-2016) in GCM mode and an HMAC-SM3 blind index — for personal data at rest, with keys kept outside
 * the database ({@link cn.tongban.kernel.crypto.KeyTool} creates and rotates the key file).
 */
package cn.tongban.kernel.crypto;
