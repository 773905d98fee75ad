import MDXComponents from '@theme-original/MDXComponents';
import CheckScreenshot from '@site/src/components/CheckScreenshot';
import PermissionCheck from '@site/src/components/PermissionCheck';
import SupportLinkBuilder from '@site/src/components/SupportLinkBuilder';

// Components every guide page can use without an import.
export default {
  ...MDXComponents,
  CheckScreenshot,
  PermissionCheck,
  SupportLinkBuilder,
};
