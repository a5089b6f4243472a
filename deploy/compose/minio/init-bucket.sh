#!/bin/sh
# One-shot job of the compose stack: creates the evidence bucket and the evidence service's
# own MinIO user, allowed that bucket only, so the service never holds the root credentials.
# Safe to run again: every step leaves an existing bucket, policy or user as it should be.
set -eu

mc alias set par "$MINIO_URL" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing "par/$PAR_MINIO_BUCKET"
# Versioning keeps the version of a file the evidence service checked; the service pins it.
mc version enable "par/$PAR_MINIO_BUCKET"

cat > /tmp/evidence-policy.json <<JSON
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads",
                 "s3:ListBucketVersions", "s3:GetBucketVersioning"],
      "Resource": ["arn:aws:s3:::$PAR_MINIO_BUCKET"]
    },
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                 "s3:GetObjectVersion", "s3:DeleteObjectVersion",
                 "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      "Resource": ["arn:aws:s3:::$PAR_MINIO_BUCKET/*"]
    }
  ]
}
JSON
mc admin policy create par par-evidence /tmp/evidence-policy.json
mc admin user add par "$PAR_MINIO_ACCESS_KEY" "$PAR_MINIO_SECRET_KEY"

# A second attach fails with "already in effect"; that one case is success.
if ! out="$(mc admin policy attach par par-evidence --user "$PAR_MINIO_ACCESS_KEY" 2>&1)"; then
  case "$out" in
    *"already in effect"*) ;;
    *) echo "$out" >&2; exit 1 ;;
  esac
fi
echo "bucket $PAR_MINIO_BUCKET and user $PAR_MINIO_ACCESS_KEY ready"
