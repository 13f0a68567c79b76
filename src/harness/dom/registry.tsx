import type { ComponentType } from "react";
import { createController } from "@remote-ui/react/host";
import { Badge } from "./components/Badge";
import { Banner } from "./components/Banner";
import { BarChart, LineChart, Sparkline } from "./components/charts";
import { Button, Link } from "./components/actions";
import { ContextView } from "./components/ContextView";
import { Checkbox, OptGroup, Option, SearchField, Select, Switch, TextField } from "./components/fields";
import { FocusView } from "./components/FocusView";
import { Icon } from "./components/Icon";
import { Img } from "./components/Img";
import { Box, Divider, Inline } from "./components/layout";
import { List, ListItem } from "./components/List";
import { PropertyList, PropertyListItem } from "./components/PropertyList";
import { SettingsView } from "./components/SettingsView";
import { SignInView } from "./components/SignInView";
import { Spinner } from "./components/Spinner";
import { Tab, TabList, TabPanel, TabPanels, Tabs } from "./components/Tabs";
import { Tooltip } from "./components/Tooltip";
import { MeterChart } from "./components/MeterChart";
import { NextBarChart, NextLineChart, NextSparkLineChart } from "./components/nextCharts";
import { checkProps, sdkContract, sdkNextContract, type ComponentContract, type SchemaVersion } from "./contract";
import { reportViolation } from "./violations";

// The SDK components the harness renders. Anything else the extension sends is reported
// as a violation: either Stripe would reject it or the harness must learn it.
const implementations: Record<string, ComponentType<any>> = {
  Badge, Banner, BarChart, Box, Button, Checkbox, ContextView, Divider, FocusView, Icon, Img,
  Inline, LineChart, Link, List, ListItem, PropertyList, PropertyListItem, SearchField,
  Select, SettingsView, SignInView, Sparkline, Spinner, Switch, Tab, TabList, TabPanel, TabPanels, Tabs,
  TextField, Tooltip,
};

// Select's options are host elements in the extension's JSX, so they have no SDK
// declaration; these are the attributes the SDK's own examples use.
const htmlContract: Record<string, ComponentContract> = {
  option: { value: { types: ["string"] }, disabled: { types: ["boolean"] }, label: { types: ["string"] }, children: { types: ["node", "string", "number"] } },
  optgroup: { label: { types: ["string"] }, disabled: { types: ["boolean"] }, children: { types: ["node"] } },
};

// `ui/next` components: they arrive with schemaVersion "v9Next", some under a `ui` name.
const nextImplementations: Record<string, ComponentType<any>> = {
  BarChart: NextBarChart,
  LineChart: NextLineChart,
  MeterChart,
  SparkLineChart: NextSparkLineChart,
};

function checked(name: string, Implementation: ComponentType<any>, declared: ComponentContract, schema: SchemaVersion = "v9") {
  function Checked(props: Record<string, unknown>) {
    checkProps(name, declared, props, schema);
    return <Implementation {...props} />;
  }
  Checked.displayName = `Harness(${name})`;
  return Checked;
}

/** Renders a name the way its schema version says: `ui` (v9) or `ui/next` (v9Next). */
function bySchema(name: string, V9: ComponentType<any> | undefined, Next: ComponentType<any>) {
  function BySchema(props: Record<string, unknown>) {
    if (props.schemaVersion === "v9Next") return <Next {...props} />;
    if (!V9) {
      reportViolation(name, `schemaVersion ${JSON.stringify(props.schemaVersion)}: the SDK declares ${name} in ui/next only`);
      return null;
    }
    return <V9 {...props} />;
  }
  BySchema.displayName = `Harness(${name}, by schema)`;
  return BySchema;
}

const components: Record<string, ComponentType<any>> = {
  option: checked("option", Option, htmlContract.option!),
  optgroup: checked("optgroup", OptGroup, htmlContract.optgroup!),
};
for (const [name, Implementation] of Object.entries(implementations)) {
  const declared = sdkContract[name];
  if (!declared) throw new Error(`the SDK declares no component ${name}`);
  components[name] = checked(name, Implementation, declared);
}

for (const [name, Implementation] of Object.entries(nextImplementations)) {
  const declared = sdkNextContract[name];
  if (!declared) throw new Error(`the SDK's ui/next declares no component ${name}`);
  components[name] = bySchema(name, components[name], checked(name, Implementation, declared, "v9Next"));
}

function Unknown({ type }: { type: string }) {
  return (
    <div className="harness-unknown" role="alert">
      Unknown component: {type}
    </div>
  );
}

/** The remote-ui controller that maps the extension's tree onto the DOM components. */
export const controller = createController(components, {
  renderComponent(options, { renderDefault }) {
    const { type } = options.component;
    if (type in components) return renderDefault();
    reportViolation(
      type,
      type in sdkContract || type in sdkNextContract ? "SDK component not implemented by the harness" : "unknown component (not in the SDK)",
    );
    return <Unknown key={options.key} type={type} />;
  },
});
