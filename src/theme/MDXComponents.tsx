import MDXComponents from '@theme-original/MDXComponents';
import PermissionCheck from '@site/src/components/PermissionCheck';
import SupportLinkBuilder from '@site/src/components/SupportLinkBuilder';

// Components every guide page can use without an import.
export default {
  ...MDXComponents,
  PermissionCheck,
  SupportLinkBuilder,
};
